package io.tributary.bench.validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.Ports;
import io.tributary.local.RegistryProcess;

/**
 * The zone validator (JSON, five rules, exactly_once_v2) against a no-op Kafka Streams
 * pass-through with the same guarantee, over the same landing topic, in the same run:
 *
 * <ol>
 *   <li>throughput: {@code N} claims are produced to landing first; each application then starts
 *       from the beginning and is timed from its first committed output record to its
 *       {@code N}-th (start-up excluded). Each runs as its own JVM, as on the platform.</li>
 *   <li>latency: with the validator caught up, claims are produced at a fixed moderate rate; a
 *       {@code read_committed} consumer of staging takes, for each, the time from the landing
 *       record's timestamp to its arrival: landing-to-staging latency as a reader sees it.</li>
 * </ol>
 *
 * From the repository root, after {@code mvn install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.validator.ValidatorBenchmark [records] [rate] [seconds]}.
 * The packaged validator and registry are found under {@code stream-processors/target} and
 * {@code schema-registry/server/target} (or {@code -Dvalidator.jar=…}, {@code -Dtributary.registry.jar=…}).
 */
public final class ValidatorBenchmark {
    private static final int PARTITIONS = 6;
    private static final String PASS_THROUGH_OUT = "bench.passthrough.out";

    private ValidatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("tributary-validator-bench");
        Path validatorJar = Path.of(System.getProperty("validator.jar", "stream-processors/target/quarkus-app/quarkus-run.jar"));
        if (System.getProperty(RegistryProcess.JAR_PROPERTY) == null) {
            System.setProperty(RegistryProcess.JAR_PROPERTY, "schema-registry/server/target/quarkus-app/quarkus-run.jar");
        }
        if (!Files.isRegularFile(validatorJar)) {
            throw new IllegalStateException("no packaged validator at " + validatorJar + "; run mvn install -DskipTests first");
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"), 0);
             RegistryProcess registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), work)) {
            String bootstrap = broker.bootstrapServers();
            Path descriptor = BenchZone.write(work.resolve("zones"));
            createTopics(bootstrap);
            System.out.printf(Locale.ROOT, "Producing %,d claims to %s (%d partitions)...%n", records, BenchZone.LANDING, PARTITIONS);
            produce(bootstrap, records);

            double passThrough = throughput("pass-through", bootstrap, PASS_THROUGH_OUT, records,
                    passThroughCommand(bootstrap, work), work.resolve("passthrough.log"));
            // One stream thread first (as the pass-through), then two: the validator is CPU-bound where the
            // pass-through waits on the broker, so a second thread can use the time the first waits for commits.
            double oneThread = throughput("validator, 1 stream thread", bootstrap, BenchZone.STAGING, records,
                    validatorCommand(bootstrap, registry.url(), descriptor, work, "validator-1", 1), work.resolve("validator-1.log"));
            Process validator = start(validatorCommand(bootstrap, registry.url(), descriptor, work, "validator-2", 2),
                    work.resolve("validator-2.log"));
            double twoThreads;
            List<Long> latencies;
            try {
                twoThreads = measure("validator, 2 stream threads", bootstrap, BenchZone.STAGING, records);
                latencies = latency(bootstrap, rate, seconds, records);
            } finally {
                stop(validator);
            }
            report(records, passThrough, oneThread, twoThreads, rate, latencies);
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(BenchZone.LANDING, BenchZone.STAGING, BenchZone.REJECTED, PASS_THROUGH_OUT).stream()
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, int count) {
        Random random = new Random(42);
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(BenchZone.LANDING, ("k" + i).getBytes(), BenchZone.claim(i, random, now)));
            }
            producer.flush();
        }
    }

    private static double throughput(String name, String bootstrap, String output, int records, List<String> command, Path log)
            throws Exception {
        Process process = start(command, log);
        try {
            return measure(name, bootstrap, output, records);
        } finally {
            stop(process);
        }
    }

    /**
     * Records per second from the first committed output record to the {@code records}-th, counted
     * from what {@code output} held before (a second validator run writes to the same staging topic).
     */
    private static double measure(String name, String bootstrap, String output, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long before = committed(admin, output);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long first = 0;
            long done;
            io.tributary.bench.report.PerSecondCounter perSecond = null;
            long counted = 0;
            while (true) {
                long committed = committed(admin, output) - before;
                long now = System.nanoTime();
                if (first == 0 && committed > 0) {
                    first = now;
                    perSecond = new io.tributary.bench.report.PerSecondCounter(System.currentTimeMillis());
                }
                if (perSecond != null) {
                    perSecond.add(System.currentTimeMillis(), Math.min(committed, records) - counted);
                    counted = Math.min(committed, records);
                }
                if (committed >= records) {
                    done = now;
                    break;
                }
                if (now > deadline) {
                    throw new IllegalStateException(name + " wrote only " + committed + " of " + records + " records in 10 minutes");
                }
                Thread.sleep(50);
            }
            double rate = records / ((done - first) / 1e9);
            System.out.printf(Locale.ROOT, "%s: %,d records in %.1f s: %,.0f records/s%n", name, records, (done - first) / 1e9, rate);
            io.tributary.bench.report.SeriesCsv csv = new io.tributary.bench.report.SeriesCsv(
                    "timeseries-" + name.replaceAll("[^A-Za-z0-9]+", "-"), "second", "records committed per second");
            perSecond.writeTo(csv, name);
            csv.write();
            return rate;
        }
    }

    private static long committed(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        // read_committed end offsets: the last stable offset, i.e. what readers can see. Markers count
        // as offsets, so the figure reaches N slightly before the N-th record: negligible at this N.
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .values().stream().mapToLong(r -> r.offset()).sum();
    }

    /** Landing-to-staging latency of claims produced at {@code rate} per second for {@code seconds}. */
    private static List<Long> latency(String bootstrap, int rate, int seconds, int alreadyStaged) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(BenchZone.STAGING, p));
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        latencies.add(System.currentTimeMillis() - r.timestamp());
                    }
                }
            }
        });
        reader.start();
        Thread.sleep(1_000);
        Random random = new Random(7);
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(BenchZone.LANDING, ("l" + i).getBytes(),
                        BenchZone.claim(alreadyStaged + i, random, Instant.now())));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latencies.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        reader.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "latency: %,d of %,d claims staged at %,d/s%n", sorted.size(), total, rate);
        return sorted;
    }

    private static void report(int records, double passThrough, double oneThread, double twoThreads, int rate, List<Long> latencies) {
        double ratio = Math.max(oneThread, twoThreads) / passThrough;
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d records of about 200 bytes, %d partitions, exactly_once_v2, commit every 100 ms%n", records,
                PARTITIONS);
        System.out.println("| | records/s | of the pass-through |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| no-op pass-through, 1 stream thread | %,.0f | 100%% |%n", passThrough);
        System.out.printf(Locale.ROOT, "| validator, JSON, 5 rules, 1 stream thread | %,.0f | %.0f%% |%n", oneThread, 100 * oneThread / passThrough);
        System.out.printf(Locale.ROOT, "| validator, JSON, 5 rules, 2 stream threads | %,.0f | %.0f%% |%n", twoThreads,
                100 * twoThreads / passThrough);
        if (!latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "| landing-to-staging latency at %,d/s | p50 %d ms, p95 %d ms, p99 %d ms, max %d ms |%n", rate,
                    percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
        }
        System.out.println(ratio >= 0.60 ? "Validator throughput within its target." : "Validator throughput BELOW its target.");
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 65_536, "compression.type", "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<String> passThroughCommand(String bootstrap, Path work) {
        return List.of(java(), "-Xmx384m", "-cp", System.getProperty("java.class.path"), PassThroughApp.class.getName(), bootstrap,
                BenchZone.LANDING, PASS_THROUGH_OUT, "bench-passthrough", work.resolve("passthrough-state").toString());
    }

    private static List<String> validatorCommand(String bootstrap, String registryUrl, Path descriptor, Path work, String applicationId,
            int threads) {
        int port = Ports.freePort();
        return List.of(java(), "-Xmx384m",
                "-Dtributary.zone.descriptor=" + descriptor,
                "-Dtributary.schema-registry.url=" + registryUrl,
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap,
                "-Dquarkus.kafka-streams.application-id=bench-" + applicationId,
                "-Dkafka-streams.num.stream.threads=" + threads,
                "-Dkafka-streams.state.dir=" + work.resolve(applicationId + "-state"),
                "-Dquarkus.http.port=" + port,
                // The benchmark measures the topology, not the log: rejections are not expected, warnings would be noise.
                "-Dquarkus.log.category.\"io.tributary\".level=WARN",
                "-jar", System.getProperty("validator.jar", "stream-processors/target/quarkus-app/quarkus-run.jar"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
