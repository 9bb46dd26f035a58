package io.tributary.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.bench.pipeline.ValidatorProcess;
import io.tributary.bench.report.LoadAverage;
import io.tributary.bench.report.SeriesCsv;
import io.tributary.bench.sink.SinkBenchmark;
import io.tributary.bench.validator.BenchZone;
import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;

/**
 * How cost grows with the work:
 * <ul>
 *   <li>the packaged validator (one stream thread) with a zone of 1, 10 and 50 datasets, the same
 *       {@code records} claims in all spread evenly over them: start-up until ready, records/s
 *       (first to last staged record, {@code read_committed}), heap in use after a full GC (read
 *       from its Prometheus endpoint after {@code jcmd GC.run});</li>
 *   <li>the S3 sink with 1, 100 and 1,000 open output partitions (100 records each): heap held.</li>
 * </ul>
 * Costs per dataset and per partition are the slopes between the smallest and largest size.
 *
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.scale.ScaleBenchmark [records=100000] [datasets=1,10,50] [partitions=1,100,1000]}
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    /** What one validator size gave. */
    record ValidatorPoint(int datasets, long startupMillis, double recordsPerSecond, long heapBytes, String load) {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] datasets = ints(args.length > 1 ? args[1] : "1,10,50");
        int[] partitions = ints(args.length > 2 ? args[2] : "1,100,1000");
        Path work = Files.createTempDirectory("tributary-scale-bench");
        List<ValidatorPoint> points = new ArrayList<>();
        ValidatorProcess.jar();
        if (System.getProperty(RegistryProcess.JAR_PROPERTY) == null) {
            System.setProperty(RegistryProcess.JAR_PROPERTY, "schema-registry/server/target/quarkus-app/quarkus-run.jar");
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"), 0);
             RegistryProcess registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), work)) {
            for (int n : datasets) {
                points.add(validator(broker.bootstrapServers(), registry.url(), work, n, records));
            }
        }
        SeriesCsv startup = new SeriesCsv("scale-validator-start-up", "datasets", "seconds until ready");
        SeriesCsv throughput = new SeriesCsv("scale-validator-throughput", "datasets", "records per second");
        SeriesCsv heap = new SeriesCsv("scale-validator-heap", "datasets", "MiB heap after GC");
        points.forEach(p -> {
            startup.add("validator", p.datasets(), p.startupMillis() / 1000.0);
            throughput.add("validator", p.datasets(), p.recordsPerSecond());
            heap.add("validator", p.datasets(), p.heapBytes() / 1048576.0);
        });
        startup.write();
        throughput.write();
        heap.write();
        ValidatorPoint first = points.get(0);
        ValidatorPoint last = points.get(points.size() - 1);
        if (last.datasets() > first.datasets()) {
            int more = last.datasets() - first.datasets();
            System.out.printf(Locale.ROOT, "validator cost per dataset: %.2f MiB heap, %.0f ms start-up; throughput %d datasets / %d dataset(s):"
                    + " ratio %.2f%n", (last.heapBytes() - first.heapBytes()) / 1048576.0 / more,
                    (double) (last.startupMillis() - first.startupMillis()) / more, last.datasets(), first.datasets(),
                    last.recordsPerSecond() / first.recordsPerSecond());
        }
        sink(partitions);
    }

    private static ValidatorPoint validator(String bootstrap, String registryUrl, Path work, int datasets, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 0; i < datasets; i++) {
                for (String stage : List.of("landing", "staging", "rejected")) {
                    topics.add(new NewTopic(ScaleZone.topic(datasets, stage, i), 1, (short) 1));
                }
            }
            admin.createTopics(topics).all().get(120, TimeUnit.SECONDS);
        }
        Random random = new Random(datasets);
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5,
                "batch.size", 65_536, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(ScaleZone.topic(datasets, "landing", i % datasets), ("k" + i).getBytes(),
                        BenchZone.claim(i, random, now)));
            }
            producer.flush();
        }
        Path descriptor = ScaleZone.write(work.resolve("zones-" + datasets), datasets);
        try (ValidatorProcess validator = ValidatorProcess.start(bootstrap, registryUrl, descriptor, work.resolve("state-" + datasets),
                "bench-scale-" + datasets, 1, work.resolve("validator-" + datasets + ".log"))) {
            long startup = validator.awaitReady(Duration.ofMinutes(5));
            double rate = stagedRate(bootstrap, datasets, records);
            long heap = validator.heapUsedAfterGc();
            ValidatorPoint p = new ValidatorPoint(datasets, startup, rate, heap, LoadAverage.now());
            System.out.printf(Locale.ROOT, "validator with %d dataset(s): ready after %.1f s, %,.0f records/s over %,d claims, heap after GC %.1f MiB (%s)%n",
                    datasets, startup / 1000.0, rate, records, heap / 1048576.0, p.load());
            return p;
        }
    }

    /** Records per second from the first to the {@code records}-th record read from the zone's staging topics. */
    private static double stagedRate(String bootstrap, int datasets, int records) {
        List<TopicPartition> staging = new ArrayList<>();
        for (int i = 0; i < datasets; i++) {
            staging.add(new TopicPartition(ScaleZone.topic(datasets, "staging", i), 0));
        }
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed", "enable.auto.commit", false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(staging);
            consumer.seekToBeginning(staging);
            long first = 0;
            long count = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (count < records) {
                int n = consumer.poll(Duration.ofMillis(50)).count();
                if (n > 0 && first == 0) {
                    first = System.nanoTime();
                }
                count += n;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("validator with " + datasets + " datasets staged only " + count + " of " + records
                            + " claims in 15 minutes");
                }
            }
            return records / ((System.nanoTime() - first) / 1e9);
        }
    }

    private static void sink(int[] partitions) throws Exception {
        int perPartition = 100;
        long[] held = SinkBenchmark.heapCurve(partitions, perPartition);
        SeriesCsv heap = new SeriesCsv("scale-sink-heap", "open output partitions", "MiB heap held");
        for (int i = 0; i < partitions.length; i++) {
            heap.add("S3 sink (" + perPartition + " records each)", partitions[i], held[i] / 1048576.0);
            System.out.printf(Locale.ROOT, "sink with %,d open partitions: heap held %.1f MiB, %.1f KiB per partition (%s)%n", partitions[i],
                    held[i] / 1048576.0, held[i] / 1024.0 / partitions[i], LoadAverage.now());
        }
        heap.write();
        int last = partitions.length - 1;
        if (last > 0) {
            System.out.printf(Locale.ROOT, "sink cost per open partition: %.1f KiB (slope from %d to %d)%n",
                    (held[last] - held[0]) / 1024.0 / (partitions[last] - partitions[0]), partitions[0], partitions[last]);
        }
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }
}
