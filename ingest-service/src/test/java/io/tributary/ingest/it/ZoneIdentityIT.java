package io.tributary.ingest.it;

import static io.tributary.ingest.it.Topics.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
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

/**
 * A secured broker (SASL/SCRAM, ACLs from {@code ZoneAcls}): the service writes each zone's landing
 * as that zone's producer principal. finance's records land as {@code User:finance-producer} (a
 * dataset that principal is denied does not land, though the platform could write it); zone hr,
 * configured with finance's producer credentials, gets a clear 500 naming topic and principal and
 * nothing lands; arrival records are the platform's; a zone whose password is wrong keeps the
 * service unready, with zone and principal in the health body and no password in the log.
 */
class ZoneIdentityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String FINANCE_BATCHES = PlatformTopics.batches("finance");
    private static final String HR_BATCHES = PlatformTopics.batches("hr");

    @TempDir
    static Path dir;
    static LocalKafkaBroker broker;
    static CredentialStore store;
    static Map<String, Object> platform;
    static IngestProcess ingest;

    @BeforeAll
    static void start() throws Exception {
        store = CredentialStore.open(dir.resolve("secrets").resolve("credentials.json"));
        store.put(ZonePrincipal.PLATFORM_USER, new PasswordGenerator().next());
        broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER,
                store.require(ZonePrincipal.PLATFORM_USER).reveal());
        ClientConfigs configs = new ClientConfigs(store);
        platform = configs.forPlatform(broker.bootstrapServers(), null).asConfig();
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(IngestProcess.resource("secured-zones"));
        try (Admin admin = Admin.create(platform)) {
            admin.createTopics(List.of(new NewTopic("finance.landing.expenses", 1, (short) 1), new NewTopic("finance.landing.cards", 1, (short) 1),
                    new NewTopic("hr.landing.departments", 1, (short) 1), new NewTopic(FINANCE_BATCHES, 1, (short) 1),
                    new NewTopic(HR_BATCHES, 1, (short) 1))).all().get();
            new ScramCredentials(admin, store, TIMEOUT).ensure(ZoneAcls.principals(zones));
            new AclApplier(admin, TIMEOUT).apply(new AclPlanner(admin, TIMEOUT).plan(zones));
            // Beside the zone's grants: finance's producer may not write this one dataset; the platform could.
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "finance.landing.cards", PatternType.LITERAL),
                    new AccessControlEntry("User:finance-producer", "*", AclOperation.WRITE, AclPermissionType.DENY)))).all().get();
        }

        ClientConfig financeProducer = configs.forRole("finance", Role.PRODUCER, broker.bootstrapServers(), null);
        Properties settings = new Properties();
        configs.forPlatform(broker.bootstrapServers(), null).asMap().forEach((k, v) -> settings.setProperty("kafka." + k, v));
        identity(settings, "finance", financeProducer);
        // Misconfigured on purpose: zone hr's producer authenticates as finance's.
        identity(settings, "hr", financeProducer);
        ingest = IngestProcess.launch("zone-identity", broker.bootstrapServers(), Map.of(
                "tributary.ingest.zones", IngestProcess.resource("secured-zones").toString(),
                "tributary.ingest.auth.mode", "open",
                "quarkus.config.locations", ownerOnly(dir.resolve("ingest-kafka.properties"), settings).toUri().toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void financeRecordsLandAsFinancesProducerAndTheArrivalAsThePlatform() throws Exception {
        HttpResponse<String> landed = ingest.post("/zones/finance/datasets/expenses/records?batch=exp-1", "application/json",
                "[{\"expense_id\":\"e-1\",\"amount\":1.5},{\"expense_id\":\"e-2\",\"amount\":2}]", "X-Request-Id", "fin-1");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(Topics.ofRequest(platform, "finance.landing.expenses", "fin-1", 2, TIMEOUT)).hasSize(2)
                .allSatisfy(r -> assertThat(header(r, "tributary.batch.id")).isEqualTo("exp-1"));
        // finance's producer has no WRITE on finance's batches topic: the arrival is there because the platform wrote it.
        assertThat(Topics.keyed(platform, FINANCE_BATCHES, "arrival:finance.expenses/exp-1", 1, TIMEOUT)).hasSize(1);
        assertThat(Topics.keyed(platform, HR_BATCHES, "arrival:finance.expenses/exp-1", 1, Duration.ofSeconds(1))).isEmpty();

        // The platform may write finance.landing.cards; User:finance-producer is denied it. A refusal proves whose producer sent it.
        HttpResponse<String> denied = ingest.post("/zones/finance/datasets/cards/records", "application/json",
                "{\"expense_id\":\"c-1\",\"amount\":3}", "X-Request-Id", "fin-denied");
        JsonNode error = refused(denied, "LANDING_NOT_AUTHORIZED");
        assertThat(error.get("message").asText()).contains("User:finance-producer", "finance.landing.cards");
        assertThat(Topics.ofRequest(platform, "finance.landing.cards", "fin-denied", 1, Duration.ofSeconds(2))).isEmpty();

        JsonNode health = JSON.readTree(ingest.get("/q/health/ready").body()).get("checks").get(0).get("data");
        assertThat(health.get("zone.finance").asText()).isEqualTo("User:finance-producer: ready");
    }

    @Test
    void hrRecordsCannotBeWrittenWithFinancesCredentialsAndTheAnswerSaysWhyAtOnce() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = ingest.post("/zones/hr/datasets/departments/records?batch=hr-1", "application/json",
                "{\"department_id\":\"d-1\"}", "Idempotency-Key", "hr-key", "X-Request-Id", "hr-1");
        JsonNode error = refused(response, "LANDING_NOT_AUTHORIZED");
        assertThat(error.get("message").asText())
                .startsWith("Kafka refused User:finance-producer write access to hr.landing.departments")
                .contains("nothing was written");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no hang: not the delivery timeout").isLessThan(Duration.ofSeconds(10));

        assertThat(Topics.ofRequest(platform, "hr.landing.departments", "hr-1", 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(Topics.keyed(platform, HR_BATCHES, "arrival:hr.departments/hr-1", 1, Duration.ofSeconds(1))).isEmpty();
        assertThat(ingest.get("/q/metrics").body())
                .contains("tributary_ingest_errors_total{dataset=\"departments\",error_code=\"LANDING_NOT_AUTHORIZED\",zone=\"hr\"}");
        assertThat(Files.readString(ingest.log())).contains("Zone hr writes its landing as User:finance-producer (client id tributary-ingest-hr)",
                "Zone finance writes its landing as User:finance-producer (client id tributary-ingest-finance)",
                "Arrival records are written by the shared producer as User:tributary-platform");
        assertNoPasswordIn(ingest.log());
    }

    @Test
    void aZoneWhosePasswordIsRefusedKeepsTheServiceUnreadyNamingZoneAndPrincipal() throws Exception {
        Properties settings = new Properties();
        new ClientConfigs(store).forPlatform(broker.bootstrapServers(), null).asMap().forEach((k, v) -> settings.setProperty("kafka." + k, v));
        settings.setProperty("tributary.ingest.zone.hr.kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hr-producer\" password=\"not-hr-s-password\";");
        try (IngestProcess wrong = IngestProcess.launchUnready("zone-identity-refused", broker.bootstrapServers(), Map.of(
                "tributary.ingest.zones", IngestProcess.resource("secured-zones").toString(),
                "tributary.ingest.auth.mode", "open",
                "quarkus.config.locations", ownerOnly(dir.resolve("refused.properties"), settings).toUri().toString()))) {
            HttpResponse<String> health = wrong.get("/q/health/ready");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!health.body().contains("zone.hr") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                health = wrong.get("/q/health/ready");
            }
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(health.body()).doesNotContain("not-hr-s-password");
            JsonNode kafka = JSON.readTree(health.body()).get("checks").get(0);
            assertThat(kafka.get("status").asText()).isEqualTo("DOWN");
            assertThat(kafka.get("data").get("zone.hr").asText()).startsWith("User:hr-producer: authentication failed");
            assertThat(kafka.get("data").has("cluster")).as("the shared identity is fine").isTrue();
            String log = Files.readString(wrong.log());
            assertThat(log).contains("Kafka does not answer zone hr's producer User:hr-producer: authentication failed");
            assertThat(log).doesNotContain("not-hr-s-password");
            assertNoPasswordIn(wrong.log());
        }
    }

    private static void identity(Properties settings, String zone, ClientConfig client) {
        for (String key : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            settings.setProperty("tributary.ingest.zone." + zone + ".kafka." + key, client.asMap().get(key));
        }
    }

    /** Secrets go to the service in an owner-only file, never on its command line (docs/security.md). */
    private static Path ownerOnly(Path file, Properties settings) throws Exception {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(file)) {
            settings.store(out, null);
        }
        return file;
    }

    private static JsonNode refused(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        return body;
    }

    private static void assertNoPasswordIn(Path log) throws Exception {
        String text = Files.readString(log);
        for (String user : store.users()) {
            assertThat(text).as("password of " + user).doesNotContain(store.require(user).reveal());
        }
    }
}
