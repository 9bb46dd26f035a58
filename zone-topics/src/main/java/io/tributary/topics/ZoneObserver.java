package io.tributary.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/** Reads a zone's topics from the cluster (list, describe, describe configs) and its subjects from the registry. */
public final class ZoneObserver {
    private final Admin admin;
    private final SchemaRegistry registry;
    private final Duration timeout;

    public ZoneObserver(Admin admin, SchemaRegistry registry, Duration timeout) {
        this.admin = admin;
        this.registry = registry;
        this.timeout = timeout;
    }

    /** Every topic named {@code <zone>.*}, and the latest version of each of {@code subjects} that exists. */
    public ObservedZone observe(String zone, Collection<String> subjects) {
        String prefix = zone + ".";
        List<String> names = KafkaCalls.require(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(),
                timeout, "listing the topics of zone " + zone).stream()
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .toList();
        int brokers = KafkaCalls.require(admin.describeCluster().nodes(), timeout, "describing the cluster").size();
        Map<String, ObservedTopic> topics = new TreeMap<>();
        if (!names.isEmpty()) {
            Map<String, TopicDescription> descriptions = KafkaCalls.require(admin.describeTopics(names).allTopicNames(),
                    timeout, "describing the topics of zone " + zone + " " + names);
            List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = KafkaCalls.require(admin.describeConfigs(resources).all(),
                    timeout, "reading the configs of the topics of zone " + zone);
            for (String name : names) {
                TopicDescription description = descriptions.get(name);
                short replicas = (short) description.partitions().get(0).replicas().size();
                topics.put(name, new ObservedTopic(name, description.partitions().size(), replicas,
                        values(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)))));
            }
        }
        Map<String, SubjectVersion> latest = new TreeMap<>();
        for (String subject : subjects) {
            try {
                registry.latest(subject).ifPresent(v -> latest.put(subject, v));
            } catch (RegistryException e) {
                throw new ZoneTopicsException("Zone " + zone + ": cannot read subject " + subject
                        + " from the schema registry: " + e.getMessage(), e);
            }
        }
        return new ObservedZone(zone, topics, latest, brokers);
    }

    private static Map<String, String> values(Config config) {
        if (config == null) {
            return Map.of();
        }
        return config.entries().stream()
                .filter(e -> e.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a, TreeMap::new));
    }
}
