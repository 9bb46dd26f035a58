package io.tributary.local;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged schema registry (the Quarkus application of {@code schema-registry/server})
 * running as its own process, started the way the local platform starts it:
 * {@code java -Dkafka.bootstrap.servers=... -Dquarkus.http.port=N -jar quarkus-run.jar}, ready
 * once {@code /q/health/ready} answers 200. Its output goes to a log file, quoted in any error.
 */
public final class RegistryProcess implements AutoCloseable {
    /** System property tests use to find the packaged registry. */
    public static final String JAR_PROPERTY = "tributary.registry.jar";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final String url;

    private RegistryProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** The registry's packaged jar named by the system property {@value #JAR_PROPERTY}, if it exists. */
    public static Optional<Path> packagedJar() {
        String jar = System.getProperty(JAR_PROPERTY, "");
        return jar.isEmpty() || !Files.isRegularFile(Path.of(jar)) ? Optional.empty() : Optional.of(Path.of(jar));
    }

    /** The packaged jar, or a clear error saying how to build it. */
    public static Path requirePackagedJar() {
        return packagedJar().orElseThrow(() -> new LocalRuntimeException("The schema registry is not packaged (system property "
                + JAR_PROPERTY + "=" + System.getProperty(JAR_PROPERTY, "") + "): build it first with"
                + " mvn -pl schema-registry/server package -DskipTests"));
    }

    /**
     * Starts the registry on a free port against {@code bootstrapServers} and waits until it is
     * ready. {@code systemProperties} are passed as {@code -Dkey=value} (e.g. security settings
     * as {@code kafka.*}).
     */
    public static RegistryProcess start(Path jar, String bootstrapServers, Path logDir, String... systemProperties) {
        int port = Ports.freePort();
        Path log = logDir.resolve("schema-registry-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + bootstrapServers, "-Dquarkus.http.port=" + port));
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", jar.toString()));
        Process process;
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot start the schema registry " + jar + ": " + e.getMessage(), e);
        }
        RegistryProcess registry = new RegistryProcess(process, log, "http://localhost:" + port);
        registry.awaitReady();
        return registry;
    }

    public String url() {
        return url;
    }

    public Path log() {
        return log;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LocalRuntimeException("The schema registry exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new LocalRuntimeException("Interrupted while waiting for the schema registry at " + url, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new LocalRuntimeException("Interrupted while waiting for the schema registry at " + url, e);
            }
        }
        close();
        throw new LocalRuntimeException("The schema registry at " + url + " was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n"
                + logText());
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
