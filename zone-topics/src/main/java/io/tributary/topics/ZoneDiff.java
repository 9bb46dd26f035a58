package io.tributary.topics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import org.apache.avro.Schema;

import io.tributary.model.TopicName;
import io.tributary.registry.client.SubjectVersion;

/** Compares what a zone wants with what the cluster and the registry have, and says what to do. */
public final class ZoneDiff {
    private ZoneDiff() {
    }

    public static ZonePlan between(DesiredZone desired, ObservedZone observed, StageTopicPolicy policy) {
        List<PlanAction> actions = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> wanted = new HashSet<>();

        for (TopicSpec topic : desired.topics()) {
            wanted.add(topic.name());
            ObservedTopic actual = observed.topics().get(topic.name());
            if (actual == null) {
                actions.add(new CreateTopic(topic));
            } else {
                compareTopic(topic, actual, actions, problems, warnings);
            }
        }
        checkReplication(desired, observed, actions, problems);

        List<String> unmanaged = observed.topics().keySet().stream()
                .filter(name -> !wanted.contains(name) && isManagedTopicOf(name, desired.zone(), policy))
                .sorted()
                .toList();

        for (SchemaSpec schema : desired.schemas()) {
            SubjectVersion latest = observed.subjects().get(schema.subject());
            if (latest == null) {
                actions.add(new RegisterSchema(schema.subject(), schema.schema(), OptionalInt.empty()));
            } else if (!sameSchema(latest.schema(), schema.schema())) {
                actions.add(new RegisterSchema(schema.subject(), schema.schema(), OptionalInt.of(latest.version())));
            }
        }
        return new ZonePlan(desired.zone(), actions, unmanaged, problems, warnings);
    }

    private static void compareTopic(TopicSpec topic, ObservedTopic actual, List<PlanAction> actions,
            List<PlanProblem> problems, List<String> warnings) {
        List<ConfigChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> config : topic.configs().entrySet()) {
            String current = actual.configs().get(config.getKey());
            if (!Objects.equals(normalise(current), normalise(config.getValue()))) {
                changes.add(new ConfigChange(config.getKey(), current, config.getValue()));
            }
        }
        if (!changes.isEmpty()) {
            actions.add(new AlterTopicConfigs(topic.name(), changes));
        }
        if (actual.partitions() < topic.partitions()) {
            actions.add(new AddPartitions(topic.name(), actual.partitions(), topic.partitions()));
        } else if (actual.partitions() > topic.partitions()) {
            problems.add(new PlanProblem(topic.name(), "has " + actual.partitions() + " partitions but the descriptor asks for "
                    + topic.partitions() + "; Kafka cannot remove partitions (set partitions to at least "
                    + actual.partitions() + ", or delete and recreate the topic)"));
        }
        if (actual.replicationFactor() != topic.replicationFactor()) {
            warnings.add(topic.name() + " has replication factor " + actual.replicationFactor() + ", the cluster profile says "
                    + topic.replicationFactor() + "; changing it needs a partition reassignment, which this tool does not do");
        }
    }

    /** Creating topics or partitions with more replicas than brokers would fail half-way through an apply. */
    private static void checkReplication(DesiredZone desired, ObservedZone observed, List<PlanAction> actions,
            List<PlanProblem> problems) {
        boolean placesReplicas = actions.stream().anyMatch(a -> a instanceof CreateTopic || a instanceof AddPartitions);
        int replicationFactor = desired.topics().stream().mapToInt(TopicSpec::replicationFactor).max().orElse(1);
        if (placesReplicas && observed.brokers() > 0 && replicationFactor > observed.brokers()) {
            problems.add(new PlanProblem("zone " + desired.zone(), "the cluster profile asks for replication factor "
                    + replicationFactor + " but the cluster has only " + observed.brokers() + " broker(s)"));
        }
    }

    /** A topic of this zone, in a stage this tool manages: only those may be called unmanaged and deleted. */
    static boolean isManagedTopicOf(String topic, String zone, StageTopicPolicy policy) {
        try {
            TopicName name = TopicName.parse(topic);
            return name.zone().equals(zone) && policy.manages(name.stage());
        } catch (IllegalArgumentException notAZoneTopic) {
            return false;
        }
    }

    /**
     * Schemas are the same if Avro finds them equal: names, fields, types, defaults, order and
     * properties; documentation and formatting do not count. Stricter than the parsing canonical
     * form, which ignores defaults although they decide compatibility.
     */
    static boolean sameSchema(Schema registered, Schema wanted) {
        return registered.equals(wanted);
    }

    /** Kafka lists in configs (e.g. "compact,delete") do not depend on spacing. */
    private static String normalise(String value) {
        return value == null ? null : value.replace(" ", "");
    }
}
