package io.tributary.connect.s3.naming;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.model.TopicName;

/**
 * Object keys of the lake:
 * {@code [<root>/]<stage>/<zone>/<dataset>/<partition path>/<topic>+<kafka partition>+<start offset>.<ext>},
 * the start offset zero-padded to 20 digits so that names sort by offset. A key depends only on
 * the data it holds (its first record), so a file rewritten after a crash replaces the earlier
 * attempt. The root is empty for Parquet (the analysts' lake) and the archive prefix for raw
 * landing archives. The sink's own state lives apart, under {@value #STATE_ROOT}.
 */
public final class ObjectKeys {
    /** Where the sink keeps its checkpoints; query engines skip paths starting with an underscore. */
    public static final String STATE_ROOT = "_tributary/checkpoints/";
    private static final Pattern FILE_NAME =
            Pattern.compile("(?<topic>[^/+]+)\\+(?<partition>\\d+)\\+(?<offset>\\d{20})\\.(?<ext>[a-z]+)");

    private final String root;
    private final String extension;

    /**
     * @param root      prefix before {@code <stage>/}, without slashes at its ends; empty for none
     * @param extension file extension without the dot, e.g. {@code parquet}
     */
    public ObjectKeys(String root, String extension) {
        this.root = root.isEmpty() ? "" : root + "/";
        this.extension = extension;
    }

    /** The folder of a dataset at a stage: the table's location, {@code [<root>/]<stage>/<zone>/<dataset>/}. */
    public String datasetPrefix(TopicName topic) {
        return root + topic.stage().id() + "/" + topic.zone() + "/" + topic.dataset() + "/";
    }

    public String key(TopicName topic, String partitionPath, int kafkaPartition, long startOffset) {
        if (startOffset < 0) {
            throw new IllegalArgumentException("start offset " + startOffset + " is negative");
        }
        return datasetPrefix(topic) + partitionPath + "/" + fileName(topic.toString(), kafkaPartition, startOffset);
    }

    public String fileName(String topic, int kafkaPartition, long startOffset) {
        return topic + "+" + kafkaPartition + "+" + String.format("%020d", startOffset) + "." + extension;
    }

    /** Where the sink records how far a Kafka partition is durable in this dataset folder. */
    public String checkpointKey(TopicName topic, int kafkaPartition) {
        return STATE_ROOT + datasetPrefix(topic) + topic + "+" + kafkaPartition + ".json";
    }

    /** Reads topic, partition, start offset and partition path back from a key; empty for keys that are not this sink's files. */
    public Optional<ObjectName> parse(TopicName topic, String key) {
        String prefix = datasetPrefix(topic);
        int slash = key.lastIndexOf('/');
        if (!key.startsWith(prefix) || slash < prefix.length()) {
            return Optional.empty();
        }
        Matcher m = FILE_NAME.matcher(key.substring(slash + 1));
        if (!m.matches() || !m.group("ext").equals(extension)) {
            return Optional.empty();
        }
        return Optional.of(new ObjectName(key, key.substring(prefix.length(), slash), m.group("topic"),
                Integer.parseInt(m.group("partition")), Long.parseLong(m.group("offset"))));
    }
}
