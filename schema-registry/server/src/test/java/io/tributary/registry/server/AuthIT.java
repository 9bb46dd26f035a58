package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.registry.client.serde.AvroSerializer;

/**
 * Basic authentication with per-zone authorisation and per-zone reads, on two packaged
 * instances (a follower forwards a zone's registration with its credentials).
 */
class AuthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static RegistryProcess first;
    private static RegistryProcess second;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        Path users = Path.of("target/registry-users.properties");
        Files.writeString(users, String.join("\n",
                "# name: password, roles",
                "admin: adminpw, admin",
                "finance-producer: SHA-256:" + sha256("finpw") + ", zone:finance",
                "audit-producer: auditpw, zone:audit",
                "finance-connect: connectpw, reader",
                ""));
        Map<String, String> settings = Map.of("authentication.method", "BASIC",
                "authentication.users.file", users.toAbsolutePath().toString(),
                "authorization.zones", "true", "authorization.read", "ZONE");
        first = RegistryProcess.start(broker, "auth-1", settings);
        second = RegistryProcess.start(broker, "auth-2", settings);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.isLeader() ^ second.isLeader());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        broker.close();
    }

    @Test
    void credentialsAreRequiredAndZonesWriteOnlyTheirOwnSubjects() throws Exception {
        HttpResponse<String> anonymous = first.get("/subjects");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SchemaRegistry\"");
        assertThat(JSON.readTree(anonymous.body()).get("error_code").asInt()).isEqualTo(40101);
        assertThat(send(first, "GET", "/subjects", null, "finance-producer:wrong").statusCode()).isEqualTo(401);
        // Probes need no credentials.
        assertThat(first.get("/q/health/ready").statusCode()).isEqualTo(200);

        // Through either instance: the follower forwards with the caller's credentials.
        for (RegistryProcess instance : new RegistryProcess[] {first, second}) {
            HttpResponse<String> own = send(instance, "POST", "/subjects/finance.staging.orders-value/versions",
                    "{\"schema\":\"\\\"string\\\"\"}", "finance-producer:finpw");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        }
        HttpResponse<String> other = send(first, "POST", "/subjects/audit.staging.logs-value/versions",
                "{\"schema\":\"\\\"string\\\"\"}", "finance-producer:finpw");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("error_code").asInt()).isEqualTo(40301);
        assertThat(other.body()).contains("zone 'audit'");
        assertThat(send(first, "PUT", "/config", "{\"compatibility\":\"NONE\"}", "finance-producer:finpw").statusCode())
                .isEqualTo(403);
        assertThat(send(first, "PUT", "/config/finance.staging.orders-value", "{\"compatibility\":\"FULL\"}",
                "finance-producer:finpw").statusCode()).isEqualTo(200);
        assertThat(send(second, "PUT", "/mode", "{\"mode\":\"READWRITE\"}", "admin:adminpw").statusCode()).isEqualTo(200);
    }

    @Test
    void readsFollowTheZones() throws Exception {
        HttpResponse<String> audit = send(first, "POST", "/subjects/audit.landing.events-value/versions",
                "{\"schema\":\"\\\"long\\\"\"}", "audit-producer:auditpw");
        int auditId = JSON.readTree(audit.body()).get("id").asInt();
        send(first, "POST", "/subjects/finance.landing.expenses-value/versions", "{\"schema\":\"\\\"double\\\"\"}",
                "finance-producer:finpw");

        assertThat(JSON.readTree(send(first, "GET", "/subjects", null, "finance-producer:finpw").body()))
                .allSatisfy(s -> assertThat(s.asText()).startsWith("finance."));
        assertThat(send(first, "GET", "/subjects/audit.landing.events-value/versions", null, "finance-producer:finpw")
                .statusCode()).isEqualTo(403);
        assertThat(send(first, "GET", "/schemas/ids/" + auditId, null, "finance-producer:finpw").statusCode()).isEqualTo(403);
        assertThat(send(first, "GET", "/schemas/ids/" + auditId, null, "audit-producer:auditpw").statusCode()).isEqualTo(200);
        // The same schema under a subject of each zone: each zone sees only its own subject under the shared id.
        int sharedId = JSON.readTree(send(first, "POST", "/subjects/finance.staging.shared-value/versions", "{\"schema\":\"\\\"boolean\\\"\"}",
                "finance-producer:finpw").body()).get("id").asInt();
        assertThat(JSON.readTree(send(first, "POST", "/subjects/audit.staging.shared-value/versions", "{\"schema\":\"\\\"boolean\\\"\"}",
                "audit-producer:auditpw").body()).get("id").asInt()).isEqualTo(sharedId);
        assertThat(send(first, "GET", "/schemas/ids/" + sharedId + "/subjects", null, "finance-producer:finpw").body())
                .isEqualTo("[\"finance.staging.shared-value\"]");
        assertThat(send(second, "GET", "/schemas/ids/" + sharedId + "/versions", null, "audit-producer:auditpw").body())
                .isEqualTo("[{\"subject\":\"audit.staging.shared-value\",\"version\":1}]");
        assertThat(JSON.readTree(send(first, "GET", "/schemas/ids/" + sharedId + "/subjects", null, "admin:adminpw").body()))
                .hasSize(2);
        // A reader (e.g. a Connect worker) reads every zone.
        assertThat(JSON.readTree(send(second, "GET", "/subjects", null, "finance-connect:connectpw").body()).toString())
                .contains("audit.landing.events-value", "finance.landing.expenses-value");
        assertThat(send(second, "POST", "/subjects/finance.landing.x-value/versions", "{\"schema\":\"\\\"int\\\"\"}",
                "finance-connect:connectpw").statusCode()).isEqualTo(403);
    }

    @Test
    void theSerializerAuthenticatesWithConfluentsSettings() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payout\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
        GenericData.Record payout = new GenericData.Record(schema);
        payout.put("n", 1);
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of("schema.registry.url", second.url(), "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "finance-producer:finpw"), false);
        assertThat(serializer.serialize("finance.landing.payouts", payout)).isNotEmpty();
        assertThatThrownBy(() -> serializer.serialize("audit.landing.payouts", payout))
                .isInstanceOf(SerializationException.class).hasMessageContaining("403");
    }

    private static HttpResponse<String> send(RegistryProcess registry, String method, String path, String body, String userInfo)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return registry.send(request);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
