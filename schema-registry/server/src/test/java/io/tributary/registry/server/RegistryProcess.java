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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.local.Ports;

/**
 * The packaged registry ({@code target/quarkus-app/quarkus-run.jar}) as a process, started the
 * way the local platform starts it, with extra {@code -D} settings.
 */
public final class RegistryProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private RegistryProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an instance on {@code broker} and waits until it has read the schema topic. Its Kafka
     * client logs in as the platform user through the broker's owner-only settings file
     * ({@code quarkus.config.locations}), so no password is on the command line.
     */
    public static RegistryProcess start(TestBroker broker, String name, Map<String, String> settings) throws IOException {
        int port = Ports.freePort();
        Path appDir = Path.of(System.getProperty("registry.app.dir", "target/quarkus-app"));
        Path jar = appDir.resolve("quarkus-run.jar");
        assertThat(jar).as("packaged application; run mvn package first").exists();
        Path log = appDir.getParent().resolve("registry-it-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(), "-Dquarkus.http.port=" + port,
                "-Dquarkus.config.locations=" + broker.registrySettingsFile().toUri()));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RegistryProcess registry = new RegistryProcess(process, port, log);
        registry.awaitReady();
        return registry;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True while this instance reports itself the elected writer. */
    public boolean isLeader() {
        try {
            return get("/q/metrics").body().contains("tributary_registry_leader 1.0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("registry process exited early; its log:\n" + logText()).isTrue();
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(200);
        }
        throw new AssertionError("registry on port " + port + " not ready within 60 s; its log:\n" + logText());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the process as the platform does (SIGTERM, a graceful shutdown). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
