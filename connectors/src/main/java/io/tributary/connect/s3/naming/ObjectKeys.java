package io.tributary.connect.s3.naming;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.model.TopicName;

/**
 * Object keys of the lake:
 * {@code <stage>/<zone>/<dataset>/<partition path>/<topic>+<kafka partition>+<start offset>.parquet},
 * the start offset zero-padded to 20 digits so that names sort by offset. A key depends only on
 * the data it holds, so a file rewritten after a crash replaces the earlier attempt.
 */
public final class ObjectKeys {
    public static final String SUFFIX = ".parquet";
    private static final Pattern FILE_NAME = Pattern.compile("(?<topic>[^/+]+)\\+(?<partition>\\d+)\\+(?<offset>\\d{20})\\.parquet");

    private ObjectKeys() {
    }

    /** The folder of a dataset at a stage: the table's location, {@code <stage>/<zone>/<dataset>/}. */
    public static String datasetPrefix(TopicName topic) {
        return topic.stage().id() + "/" + topic.zone() + "/" + topic.dataset() + "/";
    }

    public static String key(TopicName topic, String partitionPath, int kafkaPartition, long startOffset) {
        if (startOffset < 0) {
            throw new IllegalArgumentException("start offset " + startOffset + " is negative");
        }
        return datasetPrefix(topic) + partitionPath + "/" + fileName(topic.toString(), kafkaPartition, startOffset);
    }

    public static String fileName(String topic, int kafkaPartition, long startOffset) {
        return topic + "+" + kafkaPartition + "+" + String.format("%020d", startOffset) + SUFFIX;
    }

    /** Reads topic, partition and start offset back from a key; empty for keys that are not ours. */
    public static Optional<ObjectName> parse(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectName(key, m.group("topic"), Integer.parseInt(m.group("partition")),
                Long.parseLong(m.group("offset"))));
    }
}
