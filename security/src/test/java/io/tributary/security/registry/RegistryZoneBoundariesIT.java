package io.tributary.security.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.cloud.TestZones;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;

/**
 * The packaged schema registry, on a secured broker (SASL/SCRAM, ACLs) as the platform user, run with the users file generated from the zone descriptors and
 * the credential store, answers every principal × subject × read/register as the grants say
 * (finance publishes its entity expense to audit, hr its departments to finance), over HTTP.
 */
class RegistryZoneBoundariesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String FL = "finance.landing.expenses-value";
    private static final String FS = "finance.staging.expenses-value";
    private static final String FO = "finance.ods.expense-value";
    private static final String FA = "finance.analytical.expense_facts-value";
    private static final String HL = "hr.landing.departments-value";
    private static final String HS = "hr.staging.departments-value";
    private static final String HX = "hr.staging.salaries-value";
    private static final String AS = "audit.staging.findings-value";
    private static final List<String> SUBJECTS = List.of(FL, FS, FO, FA, HL, HS, HX, AS);

    /** user → (subjects it reads, subjects it registers under). */
    private static final Map<String, List<Set<String>>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("finance-producer", List.of(Set.of(FL), Set.of(FL)));
        EXPECTED.put("finance-validator", List.of(Set.of(FL, FS), Set.of(FS)));
        EXPECTED.put("finance-canonicaliser", List.of(Set.of(FS, FO, HS), Set.of(FO)));
        EXPECTED.put("finance-analytical", List.of(Set.of(FO, FA, HS), Set.of(FA)));
        EXPECTED.put("finance-connect", List.of(Set.of(FS, FO, FA), Set.of()));
        EXPECTED.put("finance-analyst", List.of(Set.of(FS, FO, FA, HS), Set.of()));
        EXPECTED.put("finance-steward", List.of(Set.of(FS, FO), Set.of()));
        EXPECTED.put("audit-analyst", List.of(Set.of(AS, FO), Set.of()));
        EXPECTED.put("audit-canonicaliser", List.of(Set.of(AS, FO), Set.of()));
        EXPECTED.put("hr-analyst", List.of(Set.of(HS, HX), Set.of()));
        EXPECTED.put("hr-producer", List.of(Set.of(HL), Set.of(HL)));
        EXPECTED.put(ZonePrincipal.PLATFORM_USER, List.of(Set.copyOf(SUBJECTS), Set.copyOf(SUBJECTS)));
    }

    @TempDir
    static Path dir;
    private static CredentialStore store;
    private static LocalKafkaBroker broker;
    private static RegistryProcess registry;
    private static final Map<String, Integer> ids = new LinkedHashMap<>();

    @BeforeAll
    static void startRegistryWithGeneratedUsers() throws Exception {
        List<ZoneDescriptor> zones = TestZones.write(dir);
        store = CredentialStore.open(dir.resolve("secrets").resolve("credentials.json"));
        PasswordGenerator generator = new PasswordGenerator();
        store.put(ZonePrincipal.PLATFORM_USER, generator.next());
        for (ZoneDescriptor zone : zones) {
            for (Role role : Role.values()) {
                store.put(ZonePrincipal.of(zone.zone(), role).userName(), generator.next());
            }
        }
        Path users = dir.resolve("registry-users.properties");
        RegistryUsersFile.from(store).write(zones, users);

        // As the platform runs it: a secured broker whose super user is the platform user, and the registry's
        // Kafka client logging in as that user through an owner-only settings file.
        broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER,
                store.require(ZonePrincipal.PLATFORM_USER).reveal());
        Path kafkaSettings = writeOwnerOnly(dir.resolve("secrets").resolve("registry-kafka.properties"), broker.clientProperties());
        registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), dir.resolve("logs"),
                "quarkus.config.locations=" + kafkaSettings.toUri(),
                "authentication.method=BASIC", "authentication.users.file=" + users, "authorization.zones=true", "authorization.read=ZONE");
        for (String subject : SUBJECTS) {
            HttpResponse<String> registered = send(ZonePrincipal.PLATFORM_USER, "POST", "/subjects/" + subject + "/versions", schemaOf(subject));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            ids.put(subject, JSON.readTree(registered.body()).get("id").asInt());
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyPrincipalReadsAndRegistersExactlyWhatItsGrantsSay() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : EXPECTED.entrySet()) {
            String user = entry.getKey();
            for (String subject : SUBJECTS) {
                int readExpected = entry.getValue().get(0).contains(subject) ? 200 : 403;
                int registerExpected = entry.getValue().get(1).contains(subject) ? 200 : 403;
                check(wrong, user, "read", subject, send(user, "GET", "/subjects/" + subject + "/versions/latest", null), readExpected);
                check(wrong, user, "look up", subject, send(user, "POST", "/subjects/" + subject, schemaOf(subject)), readExpected);
                check(wrong, user, "read by id", subject, send(user, "GET", "/schemas/ids/" + ids.get(subject), null), readExpected);
                // The schema the subject holds: an allowed registration writes nothing new and answers its id.
                check(wrong, user, "register", subject, send(user, "POST", "/subjects/" + subject + "/versions", schemaOf(subject)),
                        registerExpected);
            }
        }
        assertThat(wrong).as("requests answered otherwise than the grants say").isEmpty();
    }

    @Test
    void listingsShowOnlyReadableSubjects() throws Exception {
        for (var entry : EXPECTED.entrySet()) {
            HttpResponse<String> listing = send(entry.getKey(), "GET", "/subjects", null);
            assertThat(listing.statusCode()).isEqualTo(200);
            Set<String> listed = new TreeSet<>();
            JSON.readTree(listing.body()).forEach(s -> listed.add(s.asText()));
            assertThat(listed).as(entry.getKey()).isEqualTo(new TreeSet<>(entry.getValue().get(0)));
        }
    }

    @Test
    void onlyThePlatformDeletesOrConfigures() throws Exception {
        for (String user : List.of("finance-producer", "finance-validator", "finance-canonicaliser", "finance-analyst")) {
            String own = EXPECTED.get(user).get(1).stream().findFirst().orElse(FS);
            HttpResponse<String> delete = send(user, "DELETE", "/subjects/" + own, null);
            assertThat(delete.statusCode()).as(user + " deletes " + own + ": " + delete.body()).isEqualTo(403);
            assertThat(JSON.readTree(delete.body()).get("error_code").asInt()).isEqualTo(40301);
            assertThat(send(user, "PUT", "/config/" + own, "{\"compatibility\":\"NONE\"}").statusCode()).as(user + " configures " + own)
                    .isEqualTo(403);
            assertThat(send(user, "PUT", "/mode/" + own, "{\"mode\":\"READONLY\"}").statusCode()).isEqualTo(403);
            assertThat(send(user, "PUT", "/config", "{\"compatibility\":\"NONE\"}").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> producer = send("finance-producer", "DELETE", "/subjects/" + FL, null);
        assertThat(producer.body()).contains("may register schemas under subject '" + FL + "' but not delete it");
        assertThat(send(ZonePrincipal.PLATFORM_USER, "PUT", "/config/" + FL, "{\"compatibility\":\"FULL\"}").statusCode()).isEqualTo(200);
        assertThat(send(ZonePrincipal.PLATFORM_USER, "PUT", "/config", "{\"compatibility\":\"BACKWARD\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aForbiddenReadSaysWhatTheUserMayRead() throws Exception {
        HttpResponse<String> response = send("finance-analyst", "GET", "/subjects/" + HX + "/versions/latest", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("finance-analyst", "hr.staging.departments-*", HX);
        HttpResponse<String> unknown = sendAs("finance-analyst", "wrong-password", "GET", "/subjects", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void theBrokerUnderTheRegistryRefusesAWrongPassword() {
        Map<String, Object> wrong = new LinkedHashMap<>(broker.clientProperties());
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + ZonePrincipal.PLATFORM_USER + "\" password=\"wrong-password\";");
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void noPasswordReachesTheRegistrysLog() throws Exception {
        send("finance-producer", "DELETE", "/subjects/" + FL, null);
        String log = java.nio.file.Files.readString(registry.log());
        assertThat(log).contains("finance-producer");
        for (String user : store.users()) {
            assertThat(log).as("log of the registry").doesNotContain(store.require(user).reveal());
        }
    }

    /** The registry's Kafka settings as {@code kafka.<key>}, in a file only its owner reads ({@code rw-------}). */
    private static Path writeOwnerOnly(Path file, Map<String, String> clientProperties) throws IOException {
        Properties settings = new Properties();
        clientProperties.forEach((key, value) -> settings.setProperty("kafka." + key, value));
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(out, "the registry's Kafka client, as the platform user");
        }
        return file;
    }

    private static void check(List<String> wrong, String user, String what, String subject, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            wrong.add(user + " " + what + " " + subject + ": expected " + expected + ", got " + response.statusCode() + " " + response.body());
        }
    }

    private static String schemaOf(String subject) throws Exception {
        String name = "R" + subject.replaceAll("[^A-Za-z0-9]", "_");
        String schema = "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        JsonNode body = JSON.createObjectNode().put("schema", schema);
        return JSON.writeValueAsString(body);
    }

    private static HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return sendAs(user, store.require(user).reveal(), method, path, body);
    }

    private static HttpResponse<String> sendAs(String user, String password, String method, String path, String body) throws Exception {
        String encodedPath = path.replace("+", URLEncoder.encode("+", StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + encodedPath)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
