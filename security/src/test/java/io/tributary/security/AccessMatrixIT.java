package io.tributary.security;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclPermissionType;
import java.io.PrintWriter;
import java.io.StringWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.acl.AccessMatrix;
import io.tributary.security.acl.AclApplier;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.acl.AclPlanner;
import io.tributary.security.acl.ExampleZones;
import io.tributary.security.acl.TextTable;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.acl.DocumentedAccess;
import io.tributary.security.credentials.AuthenticationCheck;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialException;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;
import io.tributary.security.credentials.ScramCredentials;
import io.tributary.security.credentials.Secret;

/**
 * The example zones on a real broker with SASL/SCRAM and ACLs: every principal tries to read,
 * write and describe every topic of every zone and stage (and the platform topics) with real
 * clients, and the broker must answer exactly as docs/security.md's matrix says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String REGISTRY = "http://localhost:8081";

    @TempDir
    static Path dir;

    private static LocalKafkaBroker broker;
    private static CredentialStore store;
    private static ClientConfigs configs;
    private static Admin platform;
    private static List<ZoneDescriptor> zones;
    private static List<String> topics;

    @BeforeAll
    static void startSecuredClusterWithTheExampleZones() throws Exception {
        store = CredentialStore.open(dir.resolve("secrets").resolve("credentials.json"));
        store.put(ZonePrincipal.PLATFORM_USER, new PasswordGenerator().next());
        broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER,
                store.require(ZonePrincipal.PLATFORM_USER).reveal());
        configs = new ClientConfigs(store);
        platform = Admin.create(configs.forPlatform(broker.bootstrapServers(), null).asConfig());

        zones = ExampleZones.load();
        topics = ExampleZones.allTopics(zones);
        platform.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(configs.forPlatform(broker.bootstrapServers(), null).asConfig(),
                new StringSerializer(), new StringSerializer())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, "seed", "seeded by the platform")).get();
            }
        }
        new ScramCredentials(platform, store, TIMEOUT).ensure(ZoneAcls.principals(zones));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close(Duration.ofSeconds(2));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void applyingThePlanCreatesTheDesiredAclsKeepsOthersAndRemovesStaleOnes() throws Exception {
        AclBinding someoneElses = binding("User:alice", "finance.staging.", AclOperation.READ);
        AclBinding stale = binding("User:finance-analyst", "finance.landing.", AclOperation.READ);
        platform.createAcls(List.of(someoneElses, stale)).all().get();
        AclPlanner planner = new AclPlanner(platform, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> planner.plan(zones).toDelete().contains(stale));

        AclPlan plan = planner.plan(zones);
        System.out.println(plan.render());
        assertThat(plan.toDelete()).containsExactly(stale);
        assertThat(plan.toCreate()).containsExactlyInAnyOrderElementsOf(ZoneAcls.desired(zones));

        new AclApplier(platform, TIMEOUT).apply(plan);

        assertThat(planner.plan(zones).hasChanges()).isFalse();
        assertThat(platform.describeAcls(AclBindingFilter.ANY).values().get()).contains(someoneElses).doesNotContain(stale);
    }

    @Test
    @Order(2)
    void everyPrincipalMayDoExactlyWhatTheDocumentedMatrixSaysOnEveryTopic() throws Exception {
        List<String> principals = new ArrayList<>();
        ZoneAcls.principals(zones).forEach(p -> principals.add(p.principal()));
        principals.add(ZonePrincipal.platformPrincipal());

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("principal", "topic", "stage", "read", "write", "describe", "documented", "result"));
        List<String> mismatches = new ArrayList<>();
        long started = System.nanoTime();
        for (String principal : principals) {
            String user = principal.substring("User:".length());
            try (AccessProbe probe = new AccessProbe(principal, configs.forUser(user, broker.bootstrapServers(), REGISTRY).asConfig())) {
                Map<String, Boolean> described = probe.describe(topics);
                for (String topic : topics) {
                    Set<AclOperation> actual = EnumSet.noneOf(AclOperation.class);
                    if (probe.read(topic)) {
                        actual.add(AclOperation.READ);
                    }
                    if (probe.write(topic)) {
                        actual.add(AclOperation.WRITE);
                    }
                    if (described.get(topic)) {
                        actual.add(AclOperation.DESCRIBE);
                    }
                    Set<AclOperation> documented = DocumentedAccess.expected(principal, topic);
                    boolean ok = actual.equals(documented);
                    if (!ok) {
                        mismatches.add(principal + " on " + topic + ": broker allowed " + actual + ", documented " + documented);
                    }
                    rows.add(List.of(principal, topic, DocumentedAccess.stageOf(topic), yesNo(actual, AclOperation.READ),
                            yesNo(actual, AclOperation.WRITE), yesNo(actual, AclOperation.DESCRIBE), letters(documented), ok ? "ok" : "MISMATCH"));
                }
            }
        }
        String table = "Access matrix on a real secured broker (" + (rows.size() - 1) + " principal x topic pairs, "
                + (System.nanoTime() - started) / 1_000_000 + " ms)\n" + TextTable.render(rows) + "\n";
        StringBuilder reports = new StringBuilder(table);
        zones.forEach(z -> reports.append('\n').append(AccessMatrix.forZone(z.zone(), zones, ZoneAcls.desired(zones)).render()).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access-matrix.txt"), reports, StandardCharsets.UTF_8);
        System.out.println(reports);

        assertThat(mismatches).isEmpty();
        assertThat(rows).hasSize(1 + principals.size() * topics.size());
    }

    @Test
    @Order(3)
    void consumerGroupsAndTransactionalIdsAreEachRolesOwn() throws Exception {
        assertThat(commitsIn("finance-validator", "tributary-finance-validator", "finance.landing.expenses")).isTrue();
        assertThat(commitsIn("finance-analyst", "tributary-finance-validator", "finance.staging.expenses")).isFalse();
        assertThat(commitsIn("finance-analyst", "tributary-finance-analyst-alice", "finance.staging.expenses")).isTrue();
        assertThat(commitsIn("hr-analyst", "tributary-finance-analyst-alice", "hr.staging.departments")).isFalse();
        assertThat(commitsIn("finance-connect", "connect-finance-expenses-staging-s3-sink", "finance.staging.expenses")).isTrue();
        assertThat(commitsIn("finance-connect", "connect-hr-departments-staging-s3-sink", "finance.staging.expenses")).isFalse();

        assertThat(startsTransactions("finance-validator", "tributary-finance-validator-0_1")).isTrue();
        assertThat(startsTransactions("finance-canonicaliser", "tributary-finance-ods-map-expenses-1")).isTrue();
        assertThat(startsTransactions("finance-producer", "tributary-finance-validator-0_1")).isFalse();
        assertThat(startsTransactions("hr-validator", "tributary-finance-validator-0_2")).isFalse();
    }

    /** Whether {@code user} may commit an offset of {@code topic} (which it reads) in {@code group}. */
    private static boolean commitsIn(String user, String group, String topic) {
        Map<String, Object> config = configs.forUser(user, broker.bootstrapServers(), null).asConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (var consumer = new KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
            return true;
        } catch (GroupAuthorizationException e) {
            return false;
        }
    }

    /** Whether {@code user} may start transactions under {@code transactionalId}. */
    private static boolean startsTransactions(String user, String transactionalId) {
        Map<String, Object> config = configs.forUser(user, broker.bootstrapServers(), null).asConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            return true;
        } catch (TransactionalIdAuthorizationException e) {
            return false;
        }
    }

    @Test
    @Order(4)
    void aRotatedPasswordStopsWorkingAndTheNewOneWorks() {
        AuthenticationCheck check = new AuthenticationCheck(Duration.ofSeconds(10));
        ClientConfig before = configs.forRole("finance", Role.PRODUCER, broker.bootstrapServers(), REGISTRY);
        check.verify(before);

        new ScramCredentials(platform, store, TIMEOUT).rotate(ZonePrincipal.of("finance", Role.PRODUCER));

        ClientConfig after = configs.forRole("finance", Role.PRODUCER, broker.bootstrapServers(), REGISTRY);
        assertThat(after.asMap().get("sasl.jaas.config")).isNotEqualTo(before.asMap().get("sasl.jaas.config"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(() -> check.verify(before))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("Authentication failed for User:finance-producer"));
        check.verify(after);
        try (AccessProbe probe = new AccessProbe("User:finance-producer", after.asConfig())) {
            assertThat(probe.write("finance.landing.expenses")).isTrue();
        }
        assertThat(CredentialStore.open(store.file()).require("finance-producer").reveal())
                .isEqualTo(after.asMap().get("basic.auth.user.info").substring("finance-producer:".length()));
    }

    @Test
    @Order(5)
    void aWrongPasswordOrAnUnknownUserFailsWithAnAuthenticationErrorNamingThePrincipalOnly() {
        CredentialStore wrong = CredentialStore.open(dir.resolve("wrong.json"));
        wrong.put("finance-analyst", Secret.of("not-the-password-4711"));
        wrong.put("payroll-analyst", Secret.of("nobody-knows-me-0815"));
        ClientConfigs wrongConfigs = new ClientConfigs(wrong);
        AuthenticationCheck check = new AuthenticationCheck(Duration.ofSeconds(10));

        for (String user : List.of("finance-analyst", "payroll-analyst")) {
            Throwable error = catchThrowable(
                    () -> check.verify(wrongConfigs.forUser(user, broker.bootstrapServers(), REGISTRY)));
            assertThat(error).isInstanceOf(CredentialException.class)
                    .hasMessageContaining("Authentication failed for User:" + user + " at " + broker.bootstrapServers());
            assertThat(stackText(error)).doesNotContain("not-the-password-4711", "nobody-knows-me-0815");
        }
    }

    @Test
    @Order(6)
    void noPasswordAppearsInTheLogsWhileAuthenticationFailuresAreLoggedWithThePrincipal() throws Exception {
        String log = Files.readString(Path.of("target", "security-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Authentication failed for User:finance-analyst", "Rotated the SCRAM-SHA-512 password of User:finance-producer");
        List<String> secrets = new ArrayList<>(List.of("not-the-password-4711", "nobody-knows-me-0815"));
        store.users().forEach(u -> secrets.add(store.require(u).reveal()));
        for (String secret : secrets) {
            assertThat(log).as("the log must not contain a password").doesNotContain(secret);
        }
        assertThat(store.toString()).doesNotContain(secrets);
    }

    private static AclBinding binding(String principal, String prefix, AclOperation op) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    private static String yesNo(Set<AclOperation> ops, AclOperation op) {
        return ops.contains(op) ? "allowed" : "denied";
    }

    private static String letters(Set<AclOperation> ops) {
        return (ops.contains(AclOperation.READ) ? "R" : "-") + (ops.contains(AclOperation.WRITE) ? "W" : "-")
                + (ops.contains(AclOperation.DESCRIBE) ? "D" : "-");
    }

    private static String stackText(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
