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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.local.Ports;

/**
 * The packaged zone validator ({@code stream-processors/target/quarkus-app/quarkus-run.jar}, or
 * {@code -Dvalidator.jar=}) as its own JVM, as the platform runs it: exactly_once_v2, commit every
 * 100 ms, its readiness and Prometheus metrics on its HTTP port.
 */
public final class ValidatorProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+-]+)");

    private final Process process;
    private final String url;
    private final long startedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ValidatorProcess(Process process, String url, long startedNanos) {
        this.process = process;
        this.url = url;
        this.startedNanos = startedNanos;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("validator.jar", "stream-processors/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged validator at " + jar.toAbsolutePath() + "; run mvn install -DskipTests first");
        }
        return jar;
    }

    public static ValidatorProcess start(String bootstrap, String registryUrl, Path descriptor, Path stateDir, String applicationId,
            int threads, Path log) throws IOException {
        return start(bootstrap, registryUrl, descriptor, stateDir, applicationId, threads, log, List.of());
    }

    /**
     * @param systemProperties extra {@code key=value} settings passed as {@code -D}, e.g. {@code quarkus.config.locations}
     *        naming an owner-only file with the Kafka security settings (never a password on the command line)
     */
    public static ValidatorProcess start(String bootstrap, String registryUrl, Path descriptor, Path stateDir, String applicationId,
            int threads, Path log, List<String> systemProperties) throws IOException {
        int port = Ports.freePort();
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dtributary.zone.descriptor=" + descriptor.toAbsolutePath(),
                "-Dtributary.schema-registry.url=" + registryUrl,
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap,
                "-Dquarkus.kafka-streams.application-id=" + applicationId,
                "-Dkafka-streams.num.stream.threads=" + threads,
                "-Dkafka-streams.state.dir=" + stateDir.toAbsolutePath(),
                "-Dquarkus.http.port=" + port,
                // The benchmark measures the topology, not the log: rejections are not expected, warnings would be noise.
                "-Dquarkus.log.category.\"io.tributary\".level=WARN"));
        systemProperties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-jar", jar().toString()));
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ValidatorProcess(p, "http://localhost:" + port, started);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; @return milliseconds from the process start. */
    public long awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("validator at " + url + " exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("validator at " + url + " was not ready within " + timeout.toSeconds() + " s");
    }

    /** Heap in use right after a full GC ({@code jcmd <pid> GC.run}), from the Prometheus endpoint, in bytes. */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS)) {
            gc.destroyForcibly();
        }
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return heapUsed(metrics);
    }

    /** Sums {@code jvm_memory_used_bytes{area="heap",...}} over the heap's pools. */
    static long heapUsed(String prometheusText) {
        Matcher m = HEAP_USED.matcher(prometheusText);
        double sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            any = true;
        }
        if (!any) {
            throw new IllegalStateException("no jvm_memory_used_bytes{area=\"heap\"} in the validator's /q/metrics");
        }
        return (long) sum;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
