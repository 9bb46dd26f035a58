package io.tributary.connect.source.discovery;

import java.util.Optional;

import io.tributary.model.Names;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;

/**
 * Where a dropped file belongs, from its key: {@code <zone>/<dataset>/<any path>/<name>}.
 *
 * @param path the key below {@code <zone>/<dataset>/}
 */
public record IngressKey(String key, String zone, String dataset, String path) {

    /** The key's zone and dataset, or empty if it is not {@code <zone>/<dataset>/<path>} with valid names. */
    public static Optional<IngressKey> parse(String key) {
        String[] parts = key.split("/", 3);
        if (parts.length < 3 || parts[2].isEmpty() || parts[2].endsWith("/") || !Names.isValid(parts[0]) || !Names.isValid(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new IngressKey(key, parts[0], parts[1], parts[2]));
    }

    /** Hidden and temporary files (a name starting with {@code .} or {@code _}) are left alone. */
    public boolean hidden() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith(".") || name.startsWith("_");
    }

    public String landingTopic() {
        return TopicName.of(zone, Stage.LANDING, dataset).toString();
    }

    /** The batch id of one version of the file: its path below the dataset folder and its entity tag. */
    public String batchId(String eTag) {
        return path + "@" + eTag;
    }
}
