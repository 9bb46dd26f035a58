package io.tributary.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.Ports;

/**
 * The HTTP ingest service against a plain Kafka producer, in the same run, on the same broker,
 * with the same records (~200-byte JSON objects):
 *
 * <ol>
 *   <li>producer: one {@code KafkaProducer} with the service's own settings (acks=all,
 *       idempotence, linger 5 ms, lz4) sends every record to {@code bench.direct.events} and
 *       flushes: records per second.</li>
 *   <li>HTTP: {@code threads} clients post JSON arrays of {@code batch} records each to
 *       {@code /zones/bench/datasets/events/records} (the packaged service, its own JVM as on the
 *       platform), each waiting for its answer before the next; after a warm-up, requests and
 *       records per second and the latency of a request (HdrHistogram).</li>
 * </ol>
 *
 * From the repository root, after {@code mvn install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.ingest.IngestBenchmark [records] [batch] [threads]}.
 * The packaged service is found under {@code ingest-service/target} (or {@code -Dingest.jar=…}).
 */
public final class IngestBenchmark {
    private static final int PARTITIONS = 6;
    private static final String LANDING = "bench.landing.events";
    private static final String DIRECT = "bench.direct.events";

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path jar = Path.of(System.getProperty("ingest.jar", "ingest-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged ingest service at " + jar + "; run mvn install -DskipTests first");
        }
        Path work = Files.createTempDirectory("tributary-ingest-bench");
        List<String> sample = sampleRecords(batch * 50);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(LANDING, PARTITIONS, (short) 1), new NewTopic(DIRECT, PARTITIONS, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            Path zones = writeZone(work.resolve("zones"));
            int port = Ports.freePort();
            Process service = startService(jar, bootstrap, zones, port, work.resolve("ingest.log"));
            try {
                awaitReady(port, service, work.resolve("ingest.log"));
                System.out.printf(Locale.ROOT, "%,d records of about %d bytes; HTTP: %d records per request, %d client threads; %d partitions%n",
                        records, sample.get(0).length(), batch, threads, PARTITIONS);

                double direct = producer(bootstrap, sample, records);
                System.out.printf(Locale.ROOT, "Plain KafkaProducer:   %,10.0f records/s%n", direct);

                // Warm-up: JIT of both JVMs, connections, producer metadata.
                http(port, sample, batch, threads, Math.max(threads * 20, records / batch / 5), false);
                Result http = http(port, sample, batch, threads, records / batch, true);
                System.out.printf(Locale.ROOT, "HTTP ingest:           %,10.0f records/s  (%,.0f requests/s; latency p50 %.1f ms, p99 %.1f ms)%n",
                        http.recordsPerSecond(), http.requestsPerSecond(), http.p50Ms(), http.p99Ms());
                System.out.printf(Locale.ROOT, "Ratio HTTP / producer: %.2f%n", http.recordsPerSecond() / direct);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    record Result(double recordsPerSecond, double requestsPerSecond, double p50Ms, double p99Ms) {
    }

    private static double producer(String bootstrap, List<String> sample, int records) {
        Map<String, Object> settings = Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true",
                "linger.ms", "5", "compression.type", "lz4");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < Math.min(records, 20_000); i++) {
                producer.send(new ProducerRecord<>(DIRECT, sample.get(i % sample.size()).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(DIRECT, sample.get(i % sample.size()).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Result http(int port, List<String> sample, int batch, int threads, int requests, boolean measure) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < sample.size() / batch; b++) {
            bodies.add(("[" + String.join(",", sample.subList(b * batch, (b + 1) * batch)) + "]").getBytes(StandardCharsets.UTF_8));
        }
        URI uri = URI.create("http://localhost:" + port + "/zones/bench/datasets/events/records");
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try {
                    for (int i = next.getAndIncrement(); i < requests && failure.get() == null; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - sent) / 1_000;
                        if (response.statusCode() != 200) {
                            failure.compareAndSet(null, response.statusCode() + " " + response.body());
                        }
                        synchronized (latency) {
                            latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    failure.compareAndSet(null, e.toString());
                } finally {
                    done.countDown();
                }
            }, "ingest-client-" + t);
            client.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed: " + failure.get());
        }
        return new Result((double) requests * batch / seconds, requests / seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
    }

    /** Expense-claim-like JSON objects of about 200 bytes, all different. */
    static List<String> sampleRecords(int count) {
        List<String> records = new ArrayList<>(count);
        String[] categories = {"travel", "meals", "lodging", "supplies", "training"};
        for (int i = 0; i < count; i++) {
            records.add(String.format(Locale.ROOT, "{\"expense_id\":\"exp-%08d\",\"employee_id\":\"emp-%05d\",\"category\":\"%s\","
                    + "\"department\":\"finance-operations\",\"amount\":%d.%02d,\"currency\":\"EUR\","
                    + "\"submitted_at\":\"2026-11-%02dT%02d:%02d:00Z\",\"note\":\"claim %d\"}",
                    i, i % 5000, categories[i % categories.length], 10 + i % 490, i % 100, 1 + i % 28, i % 24, i % 60, i));
        }
        return records;
    }

    private static Path writeZone(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/event.avsc"), "{\"type\":\"record\",\"name\":\"Event\",\"namespace\":\"io.tributary.bench\","
                + "\"fields\":[{\"name\":\"expense_id\",\"type\":\"string\"}]}");
        Files.writeString(dir.resolve("bench.yaml"), "zone: bench\ndescription: Ingest benchmark\nowners: [bench@example.com]\n"
                + "steward: bench@example.com\ndatasets:\n  - name: events\n    schema: bench/event.avsc\n    keyField: expense_id\n");
        return dir;
    }

    private static Process startService(Path jar, String bootstrap, Path zones, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap and collector the local platform gives it.
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dtributary.ingest.zones=" + zones, "-Dtributary.ingest.auth.mode=open", "-Dquarkus.http.port=" + port,
                "-jar", jar.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int port, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the ingest service exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the ingest service was not ready in 90 s; see " + log);
    }
}
