package io.tributary.topics;

import static io.tributary.topics.Descriptors.ONE_DAY;
import static io.tributary.topics.Descriptors.SEVEN_DAYS;
import static io.tributary.topics.Descriptors.dataset;
import static io.tributary.topics.Descriptors.schema;
import static io.tributary.topics.Descriptors.zone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

import io.tributary.model.Retention;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.SubjectVersion;

class ZoneDiffTest {
    private final StageTopicPolicy policy = StageTopicPolicy.defaults(ClusterProfile.singleNode());
    private final ZoneDescriptor finance = zone("finance",
            dataset("expenses", 3, Map.of(Stage.LANDING, new Retention(ONE_DAY))));

    @Test
    void emptyClusterGetsEveryStageTopicAndTheStagingSchema() {
        ZonePlan plan = diff(finance, ObservedZone.empty("finance", 1));

        assertThat(plan.actions()).extracting(PlanAction::target).containsExactly(
                "finance.landing.expenses", "finance.staging.expenses", "finance.rejected.expenses",
                "finance.staging.expenses-value");
        CreateTopic landing = (CreateTopic) plan.actions().get(0);
        assertThat(landing.topic().partitions()).isEqualTo(3);
        assertThat(landing.topic().replicationFactor()).isEqualTo((short) 1);
        assertThat(landing.topic().configs()).containsExactly(
                Map.entry("retention.ms", Long.toString(ONE_DAY)),
                Map.entry("cleanup.policy", "delete"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("max.message.bytes", "8388608"));
        assertThat(((CreateTopic) plan.actions().get(1)).topic().configs()).containsEntry("retention.ms", Long.toString(SEVEN_DAYS));
        RegisterSchema register = (RegisterSchema) plan.actions().get(3);
        assertThat(register.latestVersion()).isEmpty();
        assertThat(register.schema()).isEqualTo(schema("expenses", false));

        assertThat(plan.render()).isEqualTo("""
                Zone finance:
                + create topic finance.landing.expenses partitions=3 retention.ms=86400000 cleanup.policy=delete min.insync.replicas=1 max.message.bytes=8388608 replication.factor=1
                + create topic finance.staging.expenses partitions=3 retention.ms=604800000 cleanup.policy=delete min.insync.replicas=1 replication.factor=1
                + create topic finance.rejected.expenses partitions=3 retention.ms=604800000 cleanup.policy=delete min.insync.replicas=1 max.message.bytes=9437184 replication.factor=1
                + register schema finance.staging.expenses-value io.tributary.test.expenses (new subject)
                Plan: 3 to create, 0 to alter, 0 to delete, 1 schema to register.""");
        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.hasProblems()).isFalse();
    }

    @Test
    void clusterMatchingTheDescriptorNeedsNoChanges() {
        ZonePlan plan = diff(finance, observedAsDesired(finance));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.hasChanges(true)).isFalse();
        assertThat(plan.render()).isEqualTo("Zone finance:\nNo changes.");
    }

    @Test
    void changedRetentionIsAnAlterShowingOldAndNewValue() {
        ObservedZone observed = observedAsDesired(finance);
        ZoneDescriptor shorter = zone("finance", dataset("expenses", 3,
                Map.of(Stage.LANDING, new Retention(ONE_DAY), Stage.STAGING, Retention.parse("2d"))));

        ZonePlan plan = diff(shorter, observed);

        assertThat(plan.actions()).containsExactly(new AlterTopicConfigs("finance.staging.expenses",
                List.of(new ConfigChange("retention.ms", "604800000", "172800000"))));
        assertThat(plan.render()).contains("~ alter topic finance.staging.expenses\n      retention.ms: 604800000 -> 172800000")
                .endsWith("Plan: 0 to create, 1 to alter, 0 to delete, 0 schemas to register.");
    }

    @Test
    void foreverRetentionIsMinusOne() {
        ZoneDescriptor forever = zone("finance", dataset("expenses", 3, Map.of(Stage.STAGING, Retention.FOREVER)));

        ZonePlan plan = diff(forever, observedAsDesired(finance));

        // Landing falls back to the 7-day default once the descriptor stops declaring it.
        assertThat(plan.actions()).containsExactly(
                new AlterTopicConfigs("finance.landing.expenses",
                        List.of(new ConfigChange("retention.ms", "86400000", "604800000"))),
                new AlterTopicConfigs("finance.staging.expenses",
                        List.of(new ConfigChange("retention.ms", "604800000", "-1"))));
    }

    @Test
    void morePartitionsInTheDescriptorAreAdded() {
        ZoneDescriptor wider = zone("finance", dataset("expenses", 6, Map.of(Stage.LANDING, new Retention(ONE_DAY))));

        ZonePlan plan = diff(wider, observedAsDesired(finance));

        assertThat(plan.actions()).containsExactly(
                new AddPartitions("finance.landing.expenses", 3, 6),
                new AddPartitions("finance.staging.expenses", 3, 6),
                new AddPartitions("finance.rejected.expenses", 3, 6));
        assertThat(plan.render()).contains("~ alter topic finance.landing.expenses\n      partitions: 3 -> 6");
    }

    @Test
    void fewerPartitionsInTheDescriptorIsAProblemNotAnAction() {
        ZoneDescriptor narrower = zone("finance", dataset("expenses", 2, Map.of(Stage.LANDING, new Retention(ONE_DAY))));

        ZonePlan plan = diff(narrower, observedAsDesired(finance));

        assertThat(plan.hasProblems()).isTrue();
        assertThat(plan.problems()).hasSize(3);
        assertThat(plan.problems().get(0).target()).isEqualTo("finance.landing.expenses");
        assertThat(plan.problems().get(0).message()).contains("has 3 partitions", "asks for 2", "cannot remove partitions");
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.render()).contains("Errors (nothing will be applied", "  ! finance.landing.expenses: has 3 partitions");
    }

    @Test
    void differentReplicationFactorIsOnlyAWarning() {
        Map<String, ObservedTopic> topics = new TreeMap<>(observedAsDesired(finance).topics());
        ObservedTopic staging = topics.get("finance.staging.expenses");
        topics.put(staging.name(), new ObservedTopic(staging.name(), 3, (short) 3, staging.configs()));

        ZonePlan plan = diff(finance, new ObservedZone("finance", topics, subjectsAsDesired(finance), 3));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.warnings()).singleElement().asString()
                .contains("finance.staging.expenses has replication factor 3", "reassignment");
    }

    @Test
    void replicationFactorAboveTheBrokerCountIsAProblem() {
        StageTopicPolicy threeCopies = StageTopicPolicy.defaults(ClusterProfile.production());

        ZonePlan plan = ZoneDiff.between(DesiredZone.of(finance, threeCopies), ObservedZone.empty("finance", 1), threeCopies);

        assertThat(plan.problems()).singleElement().asString()
                .contains("replication factor 3", "only 1 broker");
    }

    @Test
    void zoneTopicsNotInTheDescriptorAreUnmanagedAndDeletedOnlyOnRequest() {
        Map<String, ObservedTopic> topics = new TreeMap<>(observedAsDesired(finance).topics());
        for (String extra : List.of("finance.landing.old", "finance.rejected.old", "finance.ods.ledger", "finance.notes")) {
            topics.put(extra, new ObservedTopic(extra, 1, (short) 1, Map.of()));
        }
        ZonePlan plan = diff(finance, new ObservedZone("finance", topics, subjectsAsDesired(finance), 1));

        // ods topics belong to pipelines this tool does not manage yet; "finance.notes" is no zone topic.
        assertThat(plan.unmanagedTopics()).containsExactly("finance.landing.old", "finance.rejected.old");
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.render()).contains("Unmanaged topics", "  ? finance.landing.old").endsWith("No changes.")
                .doesNotContain("- delete");

        assertThat(plan.actions(true)).containsExactly(new DeleteTopic("finance.landing.old"), new DeleteTopic("finance.rejected.old"));
        assertThat(plan.render(true)).contains("- delete topic finance.landing.old", "- delete topic finance.rejected.old")
                .endsWith("Plan: 0 to create, 0 to alter, 2 to delete, 0 schemas to register.");
    }

    @Test
    void changedSchemaIsRegisteredAsANewVersion() {
        ZoneDescriptor evolved = zone("finance", dataset("expenses", 3, Map.of(Stage.LANDING, new Retention(ONE_DAY)),
                schema("expenses", true)));

        ZonePlan plan = diff(evolved, observedAsDesired(finance));

        assertThat(plan.actions()).singleElement().isEqualTo(
                new RegisterSchema("finance.staging.expenses-value", schema("expenses", true), OptionalInt.of(1)));
        assertThat(plan.render()).contains("+ register schema finance.staging.expenses-value io.tributary.test.expenses"
                + " (new version after version 1, whose schema differs)");
    }

    @Test
    void schemasDifferingOnlyInDocumentationAreTheSame() {
        Schema documented = SchemaBuilder.record("expenses").namespace("io.tributary.test").doc("what was spent")
                .fields().name("id").doc("expense id").type().stringType().noDefault()
                .requiredDouble("amount").requiredLong("at").endRecord();
        Schema withDefault = SchemaBuilder.record("expenses").namespace("io.tributary.test")
                .fields().name("id").type().stringType().stringDefault("none")
                .requiredDouble("amount").requiredLong("at").endRecord();

        assertThat(ZoneDiff.sameSchema(schema("expenses", false), documented)).isTrue();
        assertThat(ZoneDiff.sameSchema(schema("expenses", false), withDefault)).isFalse();
    }

    @Test
    void topicsOfOtherZonesAreNeverUnmanagedTopicsOfThisOne() {
        assertThat(ZoneDiff.isManagedTopicOf("finance.landing.x", "finance", policy)).isTrue();
        assertThat(ZoneDiff.isManagedTopicOf("finance_eu.landing.x", "finance", policy)).isFalse();
        assertThat(ZoneDiff.isManagedTopicOf("audit.landing.x", "finance", policy)).isFalse();
        assertThat(ZoneDiff.isManagedTopicOf("finance.analytical.x", "finance", policy)).isFalse();
        assertThat(ZoneDiff.isManagedTopicOf("finance.landing.x.y", "finance", policy)).isFalse();
    }

    private ZonePlan diff(ZoneDescriptor descriptor, ObservedZone observed) {
        return ZoneDiff.between(DesiredZone.of(descriptor, policy), observed, policy);
    }

    /** The cluster as an apply of {@code descriptor} leaves it, with broker defaults among the configs. */
    private ObservedZone observedAsDesired(ZoneDescriptor descriptor) {
        Map<String, ObservedTopic> topics = new TreeMap<>();
        for (TopicSpec topic : DesiredZone.of(descriptor, policy).topics()) {
            Map<String, String> configs = new HashMap<>(topic.configs());
            configs.put("segment.bytes", "1073741824");
            configs.put("compression.type", "producer");
            topics.put(topic.name(), new ObservedTopic(topic.name(), topic.partitions(), topic.replicationFactor(), configs));
        }
        return new ObservedZone(descriptor.zone(), topics, subjectsAsDesired(descriptor), 1);
    }

    private Map<String, SubjectVersion> subjectsAsDesired(ZoneDescriptor descriptor) {
        Map<String, SubjectVersion> subjects = new TreeMap<>();
        for (SchemaSpec schema : DesiredZone.of(descriptor, policy).schemas()) {
            // Parsed back from text, as a registry returns it.
            subjects.put(schema.subject(), new SubjectVersion(schema.subject(), 1, 7, new Schema.Parser().parse(schema.schema().toString())));
        }
        return subjects;
    }
}
