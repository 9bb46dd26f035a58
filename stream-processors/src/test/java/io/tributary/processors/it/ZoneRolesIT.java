package io.tributary.processors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.app.ProcessorRole;
import io.tributary.processors.app.ProcessorRoles;
import io.tributary.processors.app.RoleIdentity;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AclApplier;
import io.tributary.security.acl.AclPlanner;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;
import io.tributary.security.credentials.ScramCredentials;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.ZonePlan;
import io.tributary.topics.ZoneTopics;

/**
 * The processors of zone finance (examples/zones) on a secured broker, each role as its own
 * principal: the packaged application runs the validator as {@code User:finance-validator}, the
 * ods applications as {@code User:finance-canonicaliser} and the analytical ones as
 * {@code User:finance-analytical}, with nothing but the ACLs {@code ZoneAcls} derives (no CREATE on
 * any platform topic). Then the same identities pointed at zone hr's topics are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZoneRolesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path EXAMPLES = Path.of("../examples/zones").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static CredentialStore store;
    private static LocalKafkaBroker broker;
    private static ClientConfigs configs;
    private static Map<String, Object> platform;
    private static RegistryProcess registryProcess;
    private static CachingSchemaRegistry registry;
    private static ValidatorProcess processors;
    private static Map<ProcessorRole, RoleIdentity> finance;

    @BeforeAll
    static void startSecuredClusterAndFinanceProcessors() throws Exception {
        store = CredentialStore.open(dir.resolve("secrets").resolve("credentials.json"));
        store.put(ZonePrincipal.PLATFORM_USER, new PasswordGenerator().next());
        broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER,
                store.require(ZonePrincipal.PLATFORM_USER).reveal());
        configs = new ClientConfigs(store);
        ClientConfig platformConfig = configs.forPlatform(broker.bootstrapServers(), null);
        platform = platformConfig.asConfig();
        // An open registry (its own authorization is RegistryZoneBoundariesIT's): it reaches Kafka as the platform, through an
        // owner-only file as the local platform gives it (no password on a command line).
        Properties registryKafka = new Properties();
        platformConfig.asMap().forEach((k, v) -> registryKafka.setProperty("kafka." + k, v));
        Path registrySecrets = ownerOnly(dir.resolve("secrets").resolve("registry.properties"), registryKafka);
        registryProcess = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), dir.resolve("logs"),
                "quarkus.config.locations=" + registrySecrets.toUri());
        registry = new CachingSchemaRegistry(new HttpSchemaRegistry(registryProcess.url()));

        // What `tributary zones apply` does as the platform: topics and schemas, platform topics, credentials, ACLs.
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(EXAMPLES);
        try (ZoneTopics topics = ZoneTopics.connect(ClientSettings.of(platformConfig.asMap()), registry, ClusterProfile.singleNode())) {
            List<ZonePlan> plans = topics.plan(zones);
            plans.forEach(plan -> assertThat(plan.hasProblems()).as(plan.render()).isFalse());
            topics.apply(plans, false);
        }
        try (Admin admin = Admin.create(platform)) {
            // Each zone's platform topics (batch reports, holds, their audit), as zones apply creates them.
            admin.createTopics(zones.stream().flatMap(z -> PlatformTopics.of(z.zone()).stream())
                    .map(t -> new NewTopic(t.name(), 1, (short) 1).configs(t.configs())).toList()).all().get(30, TimeUnit.SECONDS);
            new ScramCredentials(admin, store, TIMEOUT).ensure(ZoneAcls.principals(zones));
            new AclApplier(admin, TIMEOUT).apply(new AclPlanner(admin, TIMEOUT).plan(zones));
        }

        Properties roles = processorSecrets("finance");
        Path secrets = ownerOnly(dir.resolve("secrets").resolve("finance-processors.properties"), roles);
        Map<String, String> keys = new LinkedHashMap<>();
        roles.stringPropertyNames().stream().filter(k -> k.startsWith("tributary.roles.")).forEach(k -> keys.put(k, roles.getProperty(k)));
        finance = ProcessorRoles.resolve(keys, configs.forRole("finance", Role.VALIDATOR, broker.bootstrapServers(), null).asConfig(),
                Optional.empty());

        processors = ValidatorProcess.launch("roles-finance", EXAMPLES.resolve("finance.yaml"), broker.bootstrapServers(),
                registryProcess.url(), dir.resolve("streams"), List.of("quarkus.config.locations=" + secrets.toUri()));
        processors.awaitHealth(200);
    }

    /** The processors' owner-only settings file as the local platform writes it: one identity per role. */
    private static Properties processorSecrets(String zone) {
        Properties p = new Properties();
        configs.forRole(zone, Role.VALIDATOR, broker.bootstrapServers(), null).asMap().forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                p.setProperty("kafka-streams." + k, v);
            }
        });
        for (Role role : List.of(Role.CANONICALISER, Role.ANALYTICAL)) {
            String prefix = "tributary.roles." + role.name().toLowerCase(java.util.Locale.ROOT) + ".kafka.";
            configs.forRole(zone, role, broker.bootstrapServers(), null).asMap().forEach((k, v) -> {
                if (!k.equals("bootstrap.servers")) {
                    p.setProperty(prefix + k, v);
                }
            });
        }
        return p;
    }

    private static Path ownerOnly(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, null);
        }
        return file;
    }

    @AfterAll
    static void stop() throws Exception {
        if (processors != null) {
            processors.close();
        }
        if (registryProcess != null) {
            registryProcess.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void financeRecordsGoFromLandingToOdsAndAnalyticalEachStepAsItsOwnRole() throws Exception {
        // hr publishes its departments to finance; hr's own validator is not running here, so the platform stands in for it.
        Schema department = new Schema.Parser().parse(EXAMPLES.resolve("hr/department.avsc").toFile());
        int departmentId = registry.latest("hr.staging.departments-value").orElseThrow().id();
        GenericData.Record d7 = new GenericData.Record(department);
        d7.put("code", "D7");
        d7.put("name", "Research");
        d7.put("cost_center", "CC-7");
        try (KafkaProducer<byte[], byte[]> producer = producer(platform)) {
            producer.send(new ProducerRecord<>("hr.staging.departments", bytes("D7"), WireFormat.encode(departmentId, department, d7))).get();
        }
        // finance's producer writes landing; the rate first, so that the expense's lookup finds it.
        try (KafkaProducer<byte[], byte[]> producer = producer(configs.forRole("finance", Role.PRODUCER, broker.bootstrapServers(), null)
                .asConfig())) {
            producer.send(json("finance.landing.fx_rates", "USD", "{\"currency\":\"USD\",\"rate_to_eur\":0.5}")).get();
            awaitRecord("finance.staging.fx_rates", "USD");
            producer.send(json("finance.landing.expenses", "x-1", "{\"expense_id\":\"x-1\",\"employee_id\":\"E1\",\"department\":\"D7\","
                    + "\"amount\":12.50,\"currency\":\"USD\",\"category\":\"TRAVEL\",\"submitted_at\":\"2026-11-02T10:00:00Z\"}")).get();
        }

        GenericRecord expense = decode(awaitRecord("finance.ods.expense", "x-1"));
        assertThat(expense.get("amount_eur")).isEqualTo(6.25);
        GenericRecord fact = decode(awaitRecord("finance.analytical.expense_facts", "x-1"));
        assertThat(fact.get("department_name").toString()).as("joined to hr's published departments").isEqualTo("Research");
        assertThat(fact.get("cost_center").toString()).isEqualTo("CC-7");
        assertThat(awaitRecords("finance.analytical.monthly_spend_by_department", 1)).isNotEmpty();

        String log = Files.readString(processors.log());
        assertThat(log)
                .contains("Zone finance: validator application tributary-finance-validator runs as User:finance-validator")
                .contains("Zone finance: ods application tributary-finance-ods-map-expenses runs as User:finance-canonicaliser")
                .contains("Zone finance: ods application tributary-finance-ods-upsert-expense runs as User:finance-canonicaliser")
                .contains("Zone finance: analytical application tributary-finance-analytical-expense_facts runs as User:finance-analytical")
                .contains("Zone finance: analytical application tributary-finance-analytical-monthly_spend_by_department runs as "
                        + "User:finance-analytical")
                .contains("Zone finance: steward holds are read from _tributary.finance.holds as User:finance-canonicaliser")
                .doesNotContainIgnoringCase("AuthorizationException")
                .doesNotContain("AUTHORIZATION_FAILED");
        for (String user : store.users()) {
            assertThat(log).as("no password of " + user + " in the log").doesNotContain(store.require(user).reveal());
        }
    }

    @Test
    @Order(2)
    void theCanonicalisersIdentityCannotReadHrStagingNorWriteItAndNothingMoves() throws Exception {
        int hrBefore = readToEnd("hr.staging.departments").size();
        // Reading another zone's staging: refused, so nothing of hr reaches finance's ods.
        Throwable read = runUntilFailure(ProcessorRole.CANONICALISER, "tributary-finance-ods-map-intruder", "hr.staging.departments",
                "finance.ods.expense");
        assertThat(chain(read)).anyMatch(t -> t instanceof AuthorizationException);
        assertThat(readToEnd("finance.ods.expense")).noneMatch(r -> "D7".equals(text(r.key())));

        // Writing another zone's staging: refused, and no record reaches it.
        Throwable write = runUntilFailure(ProcessorRole.CANONICALISER, "tributary-finance-ods-map-leak", "finance.staging.expenses",
                "hr.staging.departments");
        assertThat(chain(write)).anyMatch(t -> t instanceof AuthorizationException);
        assertThat(readToEnd("hr.staging.departments")).hasSize(hrBefore);
    }

    @Test
    @Order(3)
    void theAnalyticalIdentityCannotWriteHrsTopicsEvenThoughItMayReadWhatHrPublishes() throws Exception {
        int hrBefore = readToEnd("hr.staging.departments").size();
        Throwable write = runUntilFailure(ProcessorRole.ANALYTICAL, "tributary-finance-analytical-leak", "hr.staging.departments",
                "hr.staging.departments");
        assertThat(chain(write)).anyMatch(t -> t instanceof AuthorizationException);
        assertThat(readToEnd("hr.staging.departments")).hasSize(hrBefore);
    }

    @Test
    @Order(4)
    void theValidatorsIdentityCannotReadHrLanding() {
        Map<String, Object> config = new LinkedHashMap<>(finance.get(ProcessorRole.VALIDATOR).kafka());
        config.put("group.id", "tributary-finance-validator-intruder");
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("hr.landing.departments"));
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();
                }
            }).isInstanceOf(AuthorizationException.class).hasMessageContaining("hr.landing.departments");
        }
    }

    @Test
    @Order(5)
    void readinessListsEveryApplicationAndGoesDownNamingTheOdsApplicationWhoseWriteIsNoLongerAuthorised() throws Exception {
        JsonNode up = processorsCheck(processors.get("/q/health/ready"), 200);
        assertThat(up.path("status").asText()).isEqualTo("UP");
        Map<String, String> roles = Map.of(
                "tributary-finance-validator", "validator",
                "tributary-finance-ods-map-expenses", "canonicaliser",
                "tributary-finance-ods-map-card_transactions", "canonicaliser",
                "tributary-finance-ods-upsert-expense", "canonicaliser",
                "tributary-finance-hold-watcher", "canonicaliser",
                "tributary-finance-analytical-expense_facts", "analytical",
                "tributary-finance-analytical-monthly_spend_by_department", "analytical");
        JsonNode data = up.path("data");
        assertThat(data.path("applications").asInt()).as(data.toString()).isEqualTo(roles.size());
        roles.forEach((application, role) -> {
            assertThat(data.path(application + ".role").asText()).as(application).isEqualTo(role);
            assertThat(data.path(application + ".principal").asText()).as(application).isEqualTo("User:finance-" + role);
            assertThat(data.path(application + ".state").asText()).as(application).isEqualTo("RUNNING");
        });

        // The canonicaliser loses its right to write finance's ods topics (the mapped and the entity topics).
        try (Admin admin = Admin.create(platform)) {
            AclBindingFilter odsWrite = new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, "finance.ods.", PatternType.PREFIXED),
                    new AccessControlEntryFilter("User:finance-canonicaliser", null, AclOperation.WRITE, AclPermissionType.ALLOW));
            assertThat(admin.deleteAcls(List.of(odsWrite)).all().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(configs.forRole("finance", Role.PRODUCER, broker.bootstrapServers(), null)
                .asConfig())) {
            producer.send(json("finance.landing.expenses", "x-2", "{\"expense_id\":\"x-2\",\"employee_id\":\"E2\",\"department\":\"D7\","
                    + "\"amount\":3.00,\"currency\":\"USD\",\"category\":\"MEALS\",\"submitted_at\":\"2026-11-03T10:00:00Z\"}")).get();
        }
        awaitRecord("finance.staging.expenses", "x-2");

        String odsMapping = "tributary-finance-ods-map-expenses";
        processors.awaitHealth(503);
        // PENDING_ERROR (already DOWN) while Kafka Streams shuts the application's threads down, then ERROR.
        JsonNode down = processorsCheck(processors.get("/q/health/ready"), 503);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!down.path("data").path(odsMapping + ".state").asText().equals("ERROR") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            down = processorsCheck(processors.get("/q/health/ready"), 503);
        }
        JsonNode failed = down.path("data");
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(failed.path("notReady").asText()).contains(odsMapping).doesNotContain("tributary-finance-validator");
        assertThat(failed.path(odsMapping + ".state").asText()).isEqualTo("ERROR");
        assertThat(failed.path(odsMapping + ".role").asText()).isEqualTo("canonicaliser");
        assertThat(failed.path(odsMapping + ".principal").asText()).isEqualTo("User:finance-canonicaliser");
        assertThat(failed.path(odsMapping + ".cause").asText()).startsWith("TopicAuthorizationException: ").contains("finance.ods.expense");
        assertThat(failed.path("tributary-finance-validator.state").asText()).isEqualTo("RUNNING");
        assertThat(failed.path("tributary-finance-analytical-expense_facts.state").asText()).isEqualTo("RUNNING");

        // A stopped application does not come back by itself: the process is not alive any more (a restart may help).
        HttpResponse<String> live = processors.get("/q/health/live");
        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(live.body()).toString()).contains(odsMapping + ".cause");

        String log = Files.readString(processors.log());
        assertThat(log).containsPattern("Zone finance: ods application " + odsMapping
                + " \\(role canonicaliser, User:finance-canonicaliser\\) stopped: TopicAuthorizationException: [^\\n]*finance\\.ods\\.expense");
        for (String user : store.users()) {
            assertThat(log + live.body()).as("no password of " + user).doesNotContain(store.require(user).reveal());
        }
    }

    /** The processors' own check in a health answer with the expected HTTP status. */
    private static JsonNode processorsCheck(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("Tributary zone processors")) {
                return check;
            }
        }
        throw new AssertionError("no check 'Tributary zone processors' in " + response.body());
    }

    /**
     * A Kafka Streams application (exactly-once, as the processors run them) with the role's settings from the
     * processors' secrets file, copying {@code from} to {@code to}: the error it stops with, within 30 s.
     */
    private static Throwable runUntilFailure(ProcessorRole role, String applicationId, String from, String to) throws Exception {
        Properties props = new Properties();
        props.putAll(finance.get(role).kafka());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams-" + applicationId).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.setUncaughtExceptionHandler(e -> {
                failure.compareAndSet(null, e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (failure.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            streams.close(Duration.ofSeconds(10));
        }
        assertThat(failure.get()).as(applicationId + " reading " + from + " and writing " + to + " as " + finance.get(role)
                + " should stop with an error").isNotNull();
        System.out.println(applicationId + " stopped: " + chain(failure.get()).stream().map(Throwable::toString).toList());
        return failure.get();
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<byte[], byte[]> json(String topic, String key, String value) {
        return new ProducerRecord<>(topic, bytes(key), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static GenericRecord decode(ConsumerRecord<byte[], byte[]> record) {
        return (GenericRecord) WireFormat.decode(record.value(), registry.schemaById(WireFormat.schemaId(record.value())));
    }

    private static ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ConsumerRecord<byte[], byte[]>> found = readToEnd(topic).stream().filter(r -> key.equals(text(r.key()))).reduce((a, b) -> b);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no record with key " + key + " in " + topic + " within 60 s; see " + processors.log());
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = readToEnd(topic);
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(250);
            records = readToEnd(topic);
        }
        return records;
    }

    /** Every record of {@code topic} up to its end now, read as the platform (uncommitted ones too: nothing may reach it). */
    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(platform, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
