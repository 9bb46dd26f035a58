package io.tributary.topics;

import java.util.Map;
import java.util.TreeMap;

import io.tributary.registry.client.SubjectVersion;

/**
 * What the cluster and the registry have of one zone: its topics (every topic named
 * {@code <zone>.*}), the latest version of each subject the zone wants, and the brokers available.
 */
public record ObservedZone(String zone, Map<String, ObservedTopic> topics, Map<String, SubjectVersion> subjects, int brokers) {

    public ObservedZone {
        topics = Map.copyOf(topics);
        subjects = Map.copyOf(subjects);
    }

    public static ObservedZone empty(String zone, int brokers) {
        return new ObservedZone(zone, new TreeMap<>(), new TreeMap<>(), brokers);
    }
}
