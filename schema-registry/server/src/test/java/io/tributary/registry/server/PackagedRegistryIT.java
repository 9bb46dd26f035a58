package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.Ports;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started exactly as the
 * local platform starts it, against a real broker; then stopped and started again, to show that
 * its state lives in Kafka only.
 */
class PackagedRegistryIT {
    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
        int id;
        int port = Ports.freePort();
        Process first = launch(port, "first");
        try {
            awaitReady(first, port);
            HttpResponse<String> registered = post(port, "/subjects/payments-value/versions",
                    JSON.writeValueAsString(Map.of("schema", schema)));
            assertThat(registered.statusCode()).isEqualTo(200);
            id = JSON.readTree(registered.body()).get("id").asInt();
            assertThat(post(port, "/subjects/refunds-value/versions", JSON.writeValueAsString(Map.of("schema", schema)))
                    .body()).isEqualTo("{\"id\":" + id + "}");
        } finally {
            stop(first);
        }

        port = Ports.freePort();
        Process second = launch(port, "second");
        try {
            awaitReady(second, port);
            JsonNode latest = JSON.readTree(get(port, "/subjects/payments-value/versions/latest").body());
            assertThat(latest.get("id").asInt()).isEqualTo(id);
            assertThat(latest.get("version").asInt()).isEqualTo(1);
            assertThat(latest.get("schema").asText()).isEqualTo(schema);
            assertThat(JSON.readTree(get(port, "/subjects").body())).hasSize(2);
            HttpResponse<String> again = post(port, "/subjects/payments-value/versions",
                    JSON.writeValueAsString(Map.of("schema", schema)));
            assertThat(JSON.readTree(again.body()).get("id").asInt()).isEqualTo(id);
            assertThat(JSON.readTree(get(port, "/subjects/payments-value/versions").body()).toString()).isEqualTo("[1]");
        } finally {
            stop(second);
        }
    }

    private static Process launch(int port, String name) throws IOException {
        Path appDir = Path.of(System.getProperty("registry.app.dir", "target/quarkus-app"));
        Path jar = appDir.resolve("quarkus-run.jar");
        assertThat(jar).as("packaged application; run mvn package first").exists();
        Path log = appDir.getParent().resolve("registry-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitReady(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("registry process exited early").isTrue();
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("registry on port " + port + " not ready within 60 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", V1)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
