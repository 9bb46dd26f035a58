package io.tributary.topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.tributary.local.Ports;

/** The packaged schema registry (a Quarkus application) running as a process, as the local platform runs it. */
final class RegistryProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String url;

    private RegistryProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** The registry's packaged jar, if the reactor has built it (system property {@code tributary.registry.jar}). */
    static Optional<Path> packagedJar() {
        String jar = System.getProperty("tributary.registry.jar", "");
        return jar.isEmpty() || !Files.isRegularFile(Path.of(jar)) ? Optional.empty() : Optional.of(Path.of(jar));
    }

    static RegistryProcess start(Path jar, String bootstrapServers, Path logDir) throws IOException, InterruptedException {
        int port = Ports.freePort();
        Path log = logDir.resolve("schema-registry-" + port + ".log");
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + bootstrapServers, "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RegistryProcess registry = new RegistryProcess(process, log, "http://localhost:" + port);
        registry.awaitReady(Duration.ofSeconds(60));
        return registry;
    }

    String url() {
        return url;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The schema registry exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("The schema registry was not ready within " + timeout.toSeconds() + " s:\n" + logText());
    }

    private String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
