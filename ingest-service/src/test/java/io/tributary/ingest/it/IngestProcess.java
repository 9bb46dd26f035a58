package io.tributary.ingest.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.local.Ports;

/** The packaged ingest service ({@code target/quarkus-app/quarkus-run.jar}) as a process, launched as the local platform launches it. */
final class IngestProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private IngestProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service against {@code bootstrap}, with {@code settings} as system properties, and waits until it is ready. */
    static IngestProcess launch(String name, String bootstrap, Map<String, String> settings) throws Exception {
        IngestProcess ingest = start(name, bootstrap, settings);
        ingest.awaitReady();
        return ingest;
    }

    /** Starts the service and waits until it answers its readiness probe, ready or not. */
    static IngestProcess launchUnready(String name, String bootstrap, Map<String, String> settings) throws Exception {
        IngestProcess ingest = start(name, bootstrap, settings);
        ingest.awaitHealthAnswer();
        return ingest;
    }

    private static IngestProcess start(String name, String bootstrap, Map<String, String> settings) throws Exception {
        Path jar = appDir().resolve("quarkus-run.jar");
        assertThat(jar).as("packaged application; run mvn package first").exists();
        int port = Ports.freePort();
        Path log = appDir().getParent().resolve("ingest-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.http.port=" + port));
        Map<String, String> all = new java.util.TreeMap<>(settings);
        all.putIfAbsent("tributary.ingest.zones", resource("zones").toString());
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new IngestProcess(process, port, log);
    }

    static Path resource(String name) {
        return Path.of("src/test/resources").resolve(name).toAbsolutePath();
    }

    static Path appDir() {
        return Path.of(System.getProperty("ingest.app.dir", "target/quarkus-app"));
    }

    Path log() {
        return log;
    }

    private void awaitHealthAnswer() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("ingest service exited early; see " + log).isTrue();
            try {
                get("/q/health/ready");
                return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingest service on port " + port + " did not answer; see " + log);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("ingest service exited early; see " + log).isTrue();
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingest service on port " + port + " was not ready; see " + log);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} with {@code headers} given as name, value, name, value... */
    HttpResponse<String> post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        return post(path, contentType, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
