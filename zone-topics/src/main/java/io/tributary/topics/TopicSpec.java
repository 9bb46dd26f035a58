package io.tributary.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A topic as a zone descriptor wants it: name, partitions, replication and topic configs. */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, not " + partitions);
        }
        // Kept in the policy's order so that plans read the same every time.
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }
}
