package io.tributary.topics;

import java.util.Map;

/**
 * What the cluster can offer every zone topic: how many copies of each partition, and how many of
 * them must acknowledge a write ({@code acks=all}) before it counts.
 */
public record ClusterProfile(short replicationFactor, int minInsyncReplicas) {
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    public ClusterProfile {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + " must be at least 1, not " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + " must be between 1 and " + REPLICATION_FACTOR
                    + " (" + replicationFactor + "), not " + minInsyncReplicas);
        }
    }

    /** One broker, as the local platform runs: one copy, one acknowledgement. */
    public static ClusterProfile singleNode() {
        return new ClusterProfile((short) 1, 1);
    }

    /** Three brokers or more: survives the loss of one broker without refusing writes. */
    public static ClusterProfile production() {
        return new ClusterProfile((short) 3, 2);
    }

    /**
     * Reads {@code replication.factor} and {@code min.insync.replicas} from settings (for example
     * a properties file); keys left out take the single-node values.
     */
    public static ClusterProfile fromSettings(Map<String, String> settings) {
        short rf = (short) intSetting(settings, REPLICATION_FACTOR, 1);
        int minIsr = intSetting(settings, MIN_INSYNC_REPLICAS, 1);
        return new ClusterProfile(rf, minIsr);
    }

    private static int intSetting(Map<String, String> settings, String key, int fallback) {
        String text = settings.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cluster profile: " + key + " must be a whole number, not '" + text + "'");
        }
    }
}
