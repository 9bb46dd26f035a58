package io.tributary.bench.pipeline;

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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.Ports;

/**
 * A Kafka Connect worker as its own JVM, started the way {@code tributary up} starts it
 * ({@code io.tributary.local.ConnectMain} from the CLI's class path, the connectors from
 * {@code connectors/target/connect-plugins}), so the benchmark needs the CLI and connectors built.
 */
final class ConnectProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConnectProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static ConnectProcess start(String bootstrap, Path work) throws IOException {
        Path cliJar = Path.of("cli/target/tributary-cli.jar");
        Path plugins = Path.of("connectors/target/connect-plugins");
        if (!Files.isRegularFile(cliJar) || !Files.isDirectory(plugins)) {
            throw new IllegalStateException("the Connect worker needs " + cliJar.toAbsolutePath() + " and " + plugins.toAbsolutePath()
                    + "; run mvn install -DskipTests -pl cli,connectors -am first");
        }
        Path clientConfig = Files.writeString(work.resolve("connect-client.properties"), "bootstrap.servers=" + bootstrap + "\n");
        int port = Ports.freePort();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                "-Dtributary.log.level=WARN", "-Dtributary.kafka.log.level=WARN",
                "-cp", cliJar + java.io.File.pathSeparator + "cli/target/lib/*", "io.tributary.local.ConnectMain",
                "--client-config=" + clientConfig.toAbsolutePath(), "--port=" + port, "--plugin-path=" + plugins.toAbsolutePath());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("connect.log").toFile()).start();
        return new ConnectProcess(p, "http://localhost:" + port);
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/connectors")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Connect worker at " + url + " exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Connect worker at " + url + " did not answer within " + timeout.toSeconds() + " s");
    }

    /** Creates or updates a connector ({@code PUT /connectors/<name>/config}). */
    void putConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
        HttpRequest put = HttpRequest.newBuilder(URI.create(url + "/connectors/" + name + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build();
        HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("connector " + name + " refused by " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Waits until the connector's task 0 reports RUNNING. */
    void awaitTaskRunning(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/connectors/" + name + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = r.body();
            if (r.statusCode() == 200) {
                var tasks = JSON.readTree(last).path("tasks");
                if (tasks.size() > 0 && "RUNNING".equals(tasks.get(0).path("state").asText())) {
                    return;
                }
                if (tasks.size() > 0 && "FAILED".equals(tasks.get(0).path("state").asText())) {
                    throw new IllegalStateException("connector " + name + " task failed: " + tasks.get(0).path("trace").asText());
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("connector " + name + " not running within " + timeout.toSeconds() + " s: " + last);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
