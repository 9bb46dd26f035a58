package io.tributary.benchmarks;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.tributary.local.Ports;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * Schema look-ups by id from concurrent clients (each with its own HTTP connection, no client
 * cache) against the packaged registry, run as the platform runs it, on a real broker on this
 * machine. Reported as a latency distribution (p50, p99).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(SchemaLookupBenchmark.CLIENTS)
public class SchemaLookupBenchmark {
    static final int CLIENTS = 8;
    static final int SCHEMAS = 100;

    /** The broker and the registry, shared by every client thread. */
    @State(Scope.Benchmark)
    public static class Platform {
        private Path dataDir;
        private BrokerProcess broker;
        private Process registry;
        String url;

        @Setup(Level.Trial)
        public void start() throws Exception {
            Path jar = Path.of(System.getProperty("registry.jar", "schema-registry/server/target/quarkus-app/quarkus-run.jar"));
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (mvn -B -DskipTests package), "
                        + "run from the repository's root, or pass -Dregistry.jar=<path>");
            }
            dataDir = Files.createTempDirectory("registry-benchmark");
            broker = BrokerProcess.start(dataDir);
            int port = Ports.freePort();
            url = "http://localhost:" + port;
            // The heap and collector that `tributary up` gives the registry (ComponentCommands).
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC"));
            // e.g. -Dregistry.jvm.options="-Xlog:gc:file=gc.log" to see what the registry's JVM does meanwhile
            String extra = System.getProperty("registry.jvm.options", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-Dkafka.bootstrap.servers=" + broker.bootstrapServers(), "-Dquarkus.http.port=" + port,
                    "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
            registry = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("registry.log").toFile()).start();
            awaitReady();
            HttpSchemaRegistry client = new HttpSchemaRegistry(url);
            for (int i = 1; i <= SCHEMAS; i++) {
                client.register("bench-" + i + "-value", new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R" + i
                        + "\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"},{\"name\":\"g\",\"type\":\"string\"}]}"));
            }
        }

        private void awaitReady() throws InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the registry at " + url + " was not ready within 90 s; see " + dataDir.resolve("registry.log"));
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            registry.destroy();
            registry.waitFor(20, TimeUnit.SECONDS);
            broker.close();
        }
    }

    /** One client: its own HTTP client and connection. */
    @State(Scope.Thread)
    public static class Client {
        HttpSchemaRegistry registry;

        @Setup(Level.Trial)
        public void connect(Platform platform) {
            registry = new HttpSchemaRegistry(platform.url, null, Duration.ofSeconds(10));
        }
    }

    @Benchmark
    public Schema lookupById(Client client) {
        return client.registry.schemaById(1 + ThreadLocalRandom.current().nextInt(SCHEMAS));
    }

    static int clients() {
        return CLIENTS;
    }
}
