package io.tributary.connect.s3.support;

import java.io.File;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.tributary.connect.support.SecuredKafka;
import io.tributary.local.ConnectRest;
import io.tributary.local.Ports;

/**
 * A Connect worker in its own JVM ({@link WorkerMain}) with the sink loaded from the packaged
 * plugin folder, as a deployment runs it: not from the class path. It can be killed with
 * SIGKILL, and given a small heap.
 */
public final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String restUrl;

    private WorkerProcess(Process process, Path log, String restUrl) {
        this.process = process;
        this.log = log;
        this.restUrl = restUrl;
    }

    /** The plugin folder {@code mvn package} assembled (system property {@code tributary.connect.plugins}). */
    public static Path pluginPath() {
        Path plugins = Path.of(System.getProperty("tributary.connect.plugins", "target/connect-plugins"));
        if (!Files.isDirectory(plugins.resolve("tributary-connectors/lib"))) {
            throw new IllegalStateException("No Connect plugin folder at " + plugins + ": run mvn package (or verify) on connectors");
        }
        return plugins.toAbsolutePath();
    }

    /**
     * Starts a worker in group {@code group} (its own config/offset/status topics) against the
     * secured broker, logged in as the platform user, and waits for its REST API. {@code heap} is
     * e.g. {@code 128m}. The worker reads its settings, login included, from an owner-only file.
     */
    public static WorkerProcess start(Path dir, String group, SecuredKafka kafka, String heap, Map<String, String> overrides)
            throws IOException, InterruptedException {
        int port = Ports.freePort();
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("rest.port", String.valueOf(port));
        p.setProperty("group.id", group);
        p.setProperty("config.storage.topic", "_" + group + ".configs");
        p.setProperty("offset.storage.topic", "_" + group + ".offsets");
        p.setProperty("status.storage.topic", "_" + group + ".status");
        p.setProperty("plugin.path", pluginPath().toString());
        p.setProperty("offset.flush.interval.ms", "500");
        p.setProperty("session.timeout.ms", "6000");
        p.setProperty("heartbeat.interval.ms", "1000");
        p.setProperty("consumer.session.timeout.ms", "6000");
        p.setProperty("consumer.heartbeat.interval.ms", "1000");
        p.setProperty("rest.extension.classes", "io.tributary.connect.s3.metrics.SinkMetricsRestExtension");
        kafka.workerOverrides(overrides).forEach(p::setProperty);
        Path props = SecuredKafka.ownerOnly(dir.resolve("worker-" + port + ".properties"), p);
        Path log = dir.resolve("worker-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", classPathWithoutTheConnector(), WorkerMain.class.getName(),
                props.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WorkerProcess worker = new WorkerProcess(process, log, "http://localhost:" + port);
        worker.awaitRest(Duration.ofSeconds(120));
        return worker;
    }

    /** The test class path, minus this module's own classes: the worker must load the sink from the plugin folder. */
    private static String classPathWithoutTheConnector() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path module = Path.of("").toAbsolutePath();
        return List.of(classPath.split(File.pathSeparator)).stream()
                .filter(entry -> {
                    Path path = Path.of(entry).toAbsolutePath();
                    return !(path.startsWith(module.resolve("target")) && !path.endsWith("test-classes"));
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitRest(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/connectors")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Connect worker process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep polling
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The Connect worker at " + restUrl + " did not start within " + timeout + ":\n" + logTail());
    }

    public ConnectRest rest() {
        return new ConnectRest(restUrl);
    }

    public String restUrl() {
        return restUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: freezes the worker where it is, so that a test can look at what it left before killing it. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: lets a paused worker go on. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    /** SIGKILL: no shutdown hook, no task close, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
