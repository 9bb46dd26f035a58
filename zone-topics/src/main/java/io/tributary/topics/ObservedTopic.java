package io.tributary.topics;

import java.util.Map;

/** A topic as the cluster has it; {@code configs} are its effective configs (defaults included). */
public record ObservedTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public ObservedTopic {
        configs = Map.copyOf(configs);
    }
}
