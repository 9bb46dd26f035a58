package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged registry as the local platform runs it: on a secured broker (SASL/SCRAM, ACLs) as
 * the platform user, its Kafka security in a settings file read through
 * {@code quarkus.config.locations}, started with basic authentication before its users file
 * exists. Users written afterwards log in, a rotated password replaces the old one, and a broken
 * file keeps the last good users, all without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersFileReloadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = TestBroker.PLATFORM_USER;
    private static final Duration PICKED_UP_WITHIN = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    private static Path users;
    private static final String platformPassword = TestBroker.randomPassword();
    private static final String producerPassword = TestBroker.randomPassword();
    private static final String rotatedPassword = TestBroker.randomPassword();
    private static TestBroker broker;
    private static RegistryProcess registry;

    @BeforeAll
    static void start() throws Exception {
        // The registry's Kafka client logs in as the platform user with the same password as its users file gives it.
        broker = TestBroker.start(0, platformPassword);
        users = dir.resolve("secrets").resolve("registry-users.properties");
        registry = RegistryProcess.start(broker, "users-reload", Map.of(
                "authentication.method", "BASIC",
                "authentication.users.file", users.toString(),
                "authorization.zones", "true",
                "authorization.read", "ZONE"));
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
    @Order(1)
    void withoutAUsersFileEveryRequestIsRefused() throws Exception {
        // Ready means the store has read _schemas through the secured listener.
        assertThat(registry.get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(send(PLATFORM, platformPassword, "GET", "/subjects", null).statusCode()).isEqualTo(401);
        assertThat(registry.logText()).contains("WARN", "Users file " + users + " (authentication.users.file) does not exist yet");
    }

    @Test
    @Order(2)
    void usersWrittenAfterStartLogIn() throws Exception {
        writeAtomically(line(PLATFORM, platformPassword, "admin") + line("finance-producer", producerPassword, "write:finance.landing.*"));

        await().atMost(PICKED_UP_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> send(PLATFORM, platformPassword, "GET", "/subjects", null).statusCode() == 200);
        // The platform's registration goes through the store's transactional writer on the secured broker.
        HttpResponse<String> registered = send(PLATFORM, platformPassword, "POST", "/subjects/finance.landing.orders-value/versions",
                "{\"schema\":\"\\\"string\\\"\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").asInt();
        assertThat(send("finance-producer", producerPassword, "GET", "/schemas/ids/" + id, null).statusCode()).isEqualTo(200);
        assertThat(send("finance-producer", producerPassword, "POST", "/subjects/audit.landing.x-value/versions",
                "{\"schema\":\"\\\"int\\\"\"}").statusCode()).isEqualTo(403);
        assertThat(registry.logText()).contains("Users file " + users + " reloaded: 2 users");
    }

    @Test
    @Order(3)
    void aRotatedPasswordReplacesTheOldOne() throws Exception {
        writeAtomically(line(PLATFORM, platformPassword, "admin") + line("finance-producer", rotatedPassword, "write:finance.landing.*"));

        await().atMost(PICKED_UP_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> send("finance-producer", rotatedPassword, "GET", "/subjects", null).statusCode() == 200);
        HttpResponse<String> old = send("finance-producer", producerPassword, "GET", "/subjects", null);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(old.body()).get("error_code").asInt()).isEqualTo(40101);
    }

    @Test
    @Order(4)
    void aBrokenFileKeepsTheLastGoodUsers() throws Exception {
        writeAtomically(line(PLATFORM, platformPassword, "admin") + "finance-producer " + rotatedPassword + "\n");

        await().atMost(PICKED_UP_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> registry.logText().contains("Users file not reloaded"));
        assertThat(send("finance-producer", rotatedPassword, "GET", "/subjects", null).statusCode()).isEqualTo(200);
        assertThat(registry.logText()).contains("ERROR", "Users file not reloaded, keeping the 2 users last read: " + users + " line 2");
    }

    @Test
    @Order(5)
    void noPasswordNorHashReachesTheLog() {
        String log = registry.logText();
        for (String secret : List.of(platformPassword, producerPassword, rotatedPassword)) {
            assertThat(log).doesNotContain(secret).doesNotContain(sha256(secret));
        }
    }

    private static String line(String user, String password, String role) {
        return user + ": SHA-256:" + sha256(password) + ", " + role + "\n";
    }

    /** As the platform writes it (RegistryUsersFile): a temporary file moved over the old one. */
    private static void writeAtomically(String text) throws IOException {
        Files.createDirectories(users.getParent());
        Path temp = Files.createTempFile(users.getParent(), "users", ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, users, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> send(String user, String password, String method, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return registry.send(request);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
