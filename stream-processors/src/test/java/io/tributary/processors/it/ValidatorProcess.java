package io.tributary.processors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tributary.local.Ports;
import io.tributary.processors.ShopFixtures;

/** The packaged validator ({@code target/quarkus-app/quarkus-run.jar}) as a process, launched as the local platform launches it. */
final class ValidatorProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ValidatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param properties further {@code key=value} system properties, e.g. {@code quarkus.config.locations=<file>} */
    static ValidatorProcess launch(String name, Path descriptor, String bootstrap, String registryUrl, Path stateDir, List<String> properties)
            throws IOException {
        Path jar = appDir().resolve("quarkus-run.jar");
        assertThat(jar).as("packaged application; run mvn package first").exists();
        int port = Ports.freePort();
        Path log = appDir().getParent().resolve("validator-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m",
                "-Dtributary.zone.descriptor=" + descriptor,
                "-Dtributary.schema-registry.url=" + registryUrl,
                "-Dtributary.schema-registry.poll-interval=500ms",
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap,
                "-Dkafka-streams.state.dir=" + stateDir,
                "-Dquarkus.http.port=" + port,
                // A killed instance's partitions move on after 6 s, not the default 45 s.
                "-Dkafka-streams.consumer.session.timeout.ms=6000"));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ValidatorProcess(process, port, log);
    }

    static Path appDir() {
        return Path.of(System.getProperty("validator.app.dir", "target/quarkus-app"));
    }

    Path log() {
        return log;
    }

    HttpResponse<String> awaitHealth(int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("validator process exited early; see " + log).isTrue();
            try {
                HttpResponse<String> response = get("/q/health/ready");
                if (response.statusCode() == status) {
                    return response;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("validator on port " + port + " did not answer " + status + " on /q/health/ready; see " + log);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no leaving the group, an open transaction left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
