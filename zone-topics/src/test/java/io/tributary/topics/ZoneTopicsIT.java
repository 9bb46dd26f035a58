package io.tributary.topics;

import static io.tributary.topics.Descriptors.dataset;
import static io.tributary.topics.Descriptors.schema;
import static io.tributary.topics.Descriptors.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.Retention;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Plan and apply against a real in-process KRaft broker, secured as the platform runs it
 * (SASL/SCRAM-SHA-512, ACLs, no access without one), as its super user; and, when the reactor has
 * packaged it, the real schema registry running as a process on that broker (otherwise an in-memory
 * registry, said in the log). Each test uses its own zone, so the tests do not depend on one another's order.
 */
class ZoneTopicsIT {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneTopicsIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PLATFORM_USER = "tributary-platform";
    // Random per run: nothing may work by knowing a fixed test password.
    private static final String PLATFORM_PASSWORD = UUID.randomUUID().toString();

    @TempDir
    static Path data;
    private static LocalKafkaBroker broker;
    private static ClientSettings platform;
    private static RegistryProcess registryProcess;
    private static SchemaRegistry registry;
    private static Admin admin;

    private ZoneTopics zoneTopics;

    @BeforeAll
    static void startBrokerAndRegistry() throws Exception {
        broker = LocalKafkaBroker.startSecured(data.resolve("kafka"), 0, PLATFORM_USER, PLATFORM_PASSWORD);
        platform = ClientSettings.of(broker.clientProperties());
        admin = Admin.create(platform.asConfig());
        Optional<Path> jar = RegistryProcess.packagedJar();
        if (jar.isPresent()) {
            // The registry stores its schemas on the secured broker as the platform; its login comes through an
            // owner-only file, as the local platform gives it, never on its command line.
            Path settings = registryKafkaSettings(data.resolve("registry-kafka.properties"));
            registryProcess = RegistryProcess.start(jar.get(), broker.bootstrapServers(), Path.of("target"),
                    "quarkus.config.locations=" + settings.toUri());
            registry = new HttpSchemaRegistry(registryProcess.url());
            LOG.info("Testing against the packaged schema registry {} at {}", jar.get(), registryProcess.url());
        } else {
            registry = new InMemorySchemaRegistry();
            LOG.warn("The schema registry is not packaged ({}); testing the registry side against an in-memory registry",
                    System.getProperty("tributary.registry.jar"));
        }
    }

    /** The broker's client settings as the registry's {@code kafka.*} keys, in a file only its owner may read. */
    private static Path registryKafkaSettings(Path file) throws IOException {
        Properties kafka = new Properties();
        broker.clientProperties().forEach((k, v) -> kafka.setProperty("kafka." + k, v));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            kafka.store(out, null);
        }
        return file;
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (registryProcess != null) {
            registryProcess.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void connect() {
        zoneTopics = ZoneTopics.connect(platform, registry, ClusterProfile.singleNode());
    }

    @AfterEach
    void disconnect() {
        zoneTopics.close();
    }

    @Test
    void theBrokerRefusesAClientWithAWrongPassword() {
        // Guards the secured setup itself: on an open broker this would not be a SASL authentication failure.
        Map<String, Object> wrong = new HashMap<>(platform.asConfig());
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + PLATFORM_USER + "\" password=\"" + UUID.randomUUID() + "\";");
        try (Admin intruder = Admin.create(wrong)) {
            assertThatThrownBy(() -> intruder.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void planShowsCreatesApplyMakesThemAndASecondRoundChangesNothing() throws Exception {
        ZoneDescriptor finance = zone("finance", dataset("expenses", 3, Map.of(Stage.LANDING, Retention.parse("1d"))));

        ZonePlan plan = zoneTopics.plan(finance);
        assertThat(plan.render())
                .contains("+ create topic finance.landing.expenses partitions=3 retention.ms=86400000 cleanup.policy=delete")
                .contains("+ create topic finance.staging.expenses partitions=3 retention.ms=604800000 cleanup.policy=delete")
                .contains("+ create topic finance.rejected.expenses partitions=3")
                .contains("+ register schema finance.staging.expenses-value io.tributary.test.expenses (new subject)")
                .endsWith("Plan: 3 to create, 0 to alter, 0 to delete, 1 schema to register.");

        ApplyResult result = zoneTopics.apply(plan, false);

        assertThat(result.applied()).allMatch(a -> a.outcome() == AppliedAction.Outcome.DONE).hasSize(4);
        assertThat(partitions("finance.landing.expenses")).isEqualTo(3);
        assertThat(configs("finance.landing.expenses")).containsEntry("retention.ms", "86400000")
                .containsEntry("cleanup.policy", "delete").containsEntry("min.insync.replicas", "1")
                .containsEntry("max.message.bytes", "8388608");
        assertThat(configs("finance.rejected.expenses")).containsEntry("max.message.bytes", "9437184");
        assertThat(configs("finance.staging.expenses")).containsEntry("retention.ms", "604800000");
        assertThat(registry.latest("finance.staging.expenses-value")).get()
                .satisfies(v -> assertThat(v.schema()).isEqualTo(schema("expenses", false)));

        ZonePlan second = zoneTopics.plan(finance);
        assertThat(second.hasChanges(true)).isFalse();
        assertThat(second.render()).isEqualTo("Zone finance:\nNo changes.");
        assertThat(zoneTopics.apply(second, true).render()).isEqualTo("Zone finance:\nNo changes.");
    }

    @Test
    void changedRetentionShowsAsAnAlterAndIsApplied() throws Exception {
        zoneTopics.apply(zoneTopics.plan(zone("audit", dataset("logins", 2, Map.of()))), false);
        ZoneDescriptor shorter = zone("audit", dataset("logins", 2, Map.of(Stage.STAGING, Retention.parse("2d"))));

        ZonePlan plan = zoneTopics.plan(shorter);

        assertThat(plan.render()).isEqualTo("""
                Zone audit:
                ~ alter topic audit.staging.logins
                      retention.ms: 604800000 -> 172800000
                Plan: 0 to create, 1 to alter, 0 to delete, 0 schemas to register.""");
        zoneTopics.apply(plan, false);
        assertThat(configs("audit.staging.logins")).containsEntry("retention.ms", "172800000");
        assertThat(configs("audit.landing.logins")).containsEntry("retention.ms", "604800000");
        assertThat(zoneTopics.plan(shorter).hasChanges()).isFalse();
    }

    @Test
    void topicRemovedFromTheDescriptorIsUnmanagedAndDeletedOnlyWithTheFlag() throws Exception {
        zoneTopics.apply(zoneTopics.plan(zone("hr", dataset("people", 1, Map.of()), dataset("payslips", 1, Map.of()))), false);
        ZoneDescriptor peopleOnly = zone("hr", dataset("people", 1, Map.of()));

        ZonePlan plan = zoneTopics.plan(peopleOnly);
        assertThat(plan.unmanagedTopics()).containsExactly("hr.landing.payslips", "hr.rejected.payslips", "hr.staging.payslips");
        assertThat(plan.render()).contains("? hr.staging.payslips").endsWith("No changes.");

        ApplyResult kept = zoneTopics.apply(plan, false);
        assertThat(kept.applied()).isEmpty();
        assertThat(topicNames()).contains("hr.landing.payslips", "hr.staging.payslips", "hr.rejected.payslips");

        ZonePlan again = zoneTopics.plan(peopleOnly);
        assertThat(again.render(true)).contains("- delete topic hr.landing.payslips");
        ApplyResult deleted = zoneTopics.apply(again, true);
        assertThat(deleted.applied()).extracting(a -> a.action().target())
                .containsExactly("hr.landing.payslips", "hr.rejected.payslips", "hr.staging.payslips");
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(topicNames()).doesNotContain("hr.landing.payslips", "hr.staging.payslips", "hr.rejected.payslips")
                        .contains("hr.landing.people", "hr.staging.people", "hr.rejected.people"));
        assertThat(zoneTopics.plan(peopleOnly).unmanagedTopics()).isEmpty();
    }

    @Test
    void partitionsAreAddedButNeverRemoved() throws Exception {
        zoneTopics.apply(zoneTopics.plan(zone("sales", dataset("orders", 2, Map.of()))), false);

        ZonePlan wider = zoneTopics.plan(zone("sales", dataset("orders", 4, Map.of())));
        assertThat(wider.render()).contains("~ alter topic sales.landing.orders\n      partitions: 2 -> 4");
        zoneTopics.apply(wider, false);
        assertThat(partitions("sales.landing.orders")).isEqualTo(4);
        assertThat(partitions("sales.rejected.orders")).isEqualTo(4);

        // A plan with a problem applies nothing, not even its valid parts (the new dataset).
        ZonePlan narrower = zoneTopics.plan(zone("sales", dataset("orders", 1, Map.of()), dataset("refunds", 1, Map.of())));
        assertThat(narrower.problems()).hasSize(3);
        assertThat(narrower.render()).contains("! sales.landing.orders: has 4 partitions but the descriptor asks for 1");
        assertThatThrownBy(() -> zoneTopics.apply(narrower, false)).isInstanceOf(PlanNotApplicableException.class);
        assertThat(topicNames()).doesNotContain("sales.landing.refunds");
        assertThat(registry.latest("sales.staging.refunds-value")).isEmpty();
        assertThat(partitions("sales.landing.orders")).isEqualTo(4);
    }

    @Test
    void evolvedSchemaIsRegisteredAsANewVersion() {
        zoneTopics.apply(zoneTopics.plan(zone("ops", dataset("incidents", 1, Map.of()))), false);
        ZoneDescriptor evolved = zone("ops", dataset("incidents", 1, Map.of(), schema("incidents", true)));

        ZonePlan plan = zoneTopics.plan(evolved);

        assertThat(plan.render()).contains("+ register schema ops.staging.incidents-value io.tributary.test.incidents"
                + " (new version after version 1, whose schema differs)");
        zoneTopics.apply(plan, false);
        assertThat(registry.latest("ops.staging.incidents-value")).get().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.schema()).isEqualTo(schema("incidents", true));
        });
        assertThat(zoneTopics.plan(evolved).hasChanges()).isFalse();
    }

    @Test
    void topicCreatedBetweenPlanAndApplyIsTolerated() throws Exception {
        ZoneDescriptor legal = zone("legal", dataset("contracts", 2, Map.of()));
        ZonePlan plan = zoneTopics.plan(legal);
        admin.createTopics(List.of(new NewTopic("legal.staging.contracts", 2, (short) 1)
                .configs(Map.of("retention.ms", "3600000")))).all().get();

        ApplyResult result = zoneTopics.apply(plan, false);

        assertThat(result.applied()).filteredOn(a -> a.action().target().equals("legal.staging.contracts"))
                .singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AppliedAction.Outcome.ALREADY_DONE));
        assertThat(result.render()).contains("= created topic legal.staging.contracts (created concurrently");
        assertThat(topicNames()).contains("legal.landing.contracts", "legal.rejected.contracts");
        // The concurrently created topic has another retention: the next plan says so.
        assertThat(zoneTopics.plan(legal).render()).contains("~ alter topic legal.staging.contracts\n"
                + "      retention.ms: 3600000 -> 604800000");
    }

    @Test
    void descriptorsLoadedFromAFolderArePlannedAndApplied(@TempDir Path zones) throws Exception {
        Files.createDirectories(zones.resolve("treasury"));
        Files.writeString(zones.resolve("treasury/payments.avsc"), schema("payments", false).toString(true));
        Files.writeString(zones.resolve("treasury.yaml"), """
                zone: treasury
                description: Payments made by the treasury.
                owners: [treasury-data@example.com]
                steward: treasurer@example.com
                datasets:
                  - name: payments
                    description: One record per payment.
                    schema: treasury/payments.avsc
                    keyField: id
                    eventTimeField: at
                    partitions: 2
                    retention:
                      staging: 90d
                """);
        List<ZoneDescriptor> descriptors = DescriptorLoader.loadDirectory(zones);

        List<ZonePlan> plans = zoneTopics.plan(descriptors);
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.render())
                .contains("+ create topic treasury.staging.payments partitions=2 retention.ms=7776000000 cleanup.policy=delete")
                .contains("+ register schema treasury.staging.payments-value"));
        zoneTopics.apply(plans, false);

        assertThat(configs("treasury.staging.payments")).containsEntry("retention.ms", "7776000000");
        assertThat(zoneTopics.plan(descriptors)).allSatisfy(p -> assertThat(p.hasChanges(true)).isFalse());
    }

    private static Map<String, String> configs(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
        return config.entries().stream().filter(e -> e.value() != null)
                .collect(Collectors.toMap(e -> e.name(), e -> e.value()));
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .get(topic).partitions().size();
    }

    private static Set<String> topicNames() throws Exception {
        return admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
