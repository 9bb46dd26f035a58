package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started exactly as the
 * local platform starts it, against a real broker; then stopped and started again, to show that
 * its state lives in Kafka only.
 */
class PackagedRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theFastJarStartsServesAndKeepsItsStateAcrossARestart() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amount\",\"type\":\"double\"}]}";
        String v2 = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amount\",\"type\":\"double\"},"
                + "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}]}";
        int id;
        int id2;
        try (RegistryProcess first = RegistryProcess.start(broker, "first", Map.of())) {
            HttpResponse<String> registered = first.post("/subjects/payments-value/versions", body(schema));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            id = JSON.readTree(registered.body()).get("id").asInt();
            assertThat(first.post("/subjects/refunds-value/versions", body(schema)).body()).isEqualTo("{\"id\":" + id + "}");
            id2 = JSON.readTree(first.post("/subjects/payments-value/versions", body(v2)).body()).get("id").asInt();
            assertThat(first.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.url() + "/config/refunds-value"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"FULL\"}"))).statusCode())
                    .isEqualTo(200);
            assertThat(first.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.url() + "/subjects/refunds-value"))
                    .DELETE()).statusCode()).isEqualTo(200);
        }

        try (RegistryProcess second = RegistryProcess.start(broker, "second", Map.of())) {
            JsonNode latest = JSON.readTree(second.get("/subjects/payments-value/versions/latest").body());
            assertThat(latest.get("id").asInt()).isEqualTo(id2);
            assertThat(latest.get("version").asInt()).isEqualTo(2);
            assertThat(JSON.readTree(second.get("/subjects/payments-value/versions/1").body()).get("schema").asText())
                    .isEqualTo(schema);
            assertThat(JSON.readTree(second.get("/subjects").body()).toString()).isEqualTo("[\"payments-value\"]");
            assertThat(JSON.readTree(second.get("/subjects?deleted=true").body())).hasSize(2);
            assertThat(second.get("/config/refunds-value").body()).contains("FULL");
            HttpResponse<String> again = second.post("/subjects/payments-value/versions", body(schema));
            assertThat(JSON.readTree(again.body()).get("id").asInt()).isEqualTo(id);
            assertThat(JSON.readTree(second.get("/subjects/payments-value/versions").body()).toString()).isEqualTo("[1,2]");
            // New ids continue after the highest one.
            int next = JSON.readTree(second.post("/subjects/other-value/versions", body("\"string\"")).body()).get("id").asInt();
            assertThat(next).isGreaterThan(id2);
        }
    }

    private static String body(String schema) throws Exception {
        return JSON.writeValueAsString(Map.of("schema", schema));
    }
}
