package io.tributary.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.tributary.bench.report.LoadAverage;
import io.tributary.bench.report.PerSecondCounter;
import io.tributary.bench.report.SeriesCsv;
import io.tributary.bench.validator.BenchZone;

/**
 * End to end against Kafka's own producer benchmark on the same broker in the same run: first
 * {@code ProducerPerformance} sends {@code N} records of the claims' size to a topic of its own
 * (what the broker takes from one producer), then {@code N} claims go to landing with the same
 * producer settings and are timed until every one is in a Parquet file committed in S3
 * (validated, staged, sunk). The figure is the ratio of the two rates; the per-second counts of
 * records produced, staged and committed go to a time series.
 *
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.pipeline.EndToEndBenchmark [records=200000]}
 */
public final class EndToEndBenchmark {
    private static final String PERF_TOPIC = "bench.producer-performance";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = Files.createTempDirectory("tributary-e2e-bench");
        int recordSize = averageClaimSize();
        try (Pipeline pipeline = Pipeline.start(work)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic(PERF_TOPIC, Pipeline.PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            String loadBefore = LoadAverage.now();
            double tool = ProducerPerformanceRun.run(PERF_TOPIC, records, recordSize, Pipeline.producerSettings(pipeline.bootstrap()),
                    work.resolve("producer-performance.log"));
            System.out.printf(Locale.ROOT, "Kafka ProducerPerformance: %,d records of %d bytes: %,.0f records/s (%s)%n", records, recordSize,
                    tool, loadBefore);
            double endToEnd = endToEnd(pipeline, records);
            System.out.printf(Locale.ROOT, "end to end / Kafka producer tool: ratio %.3f (%,.0f / %,.0f records/s), %s%n", endToEnd / tool,
                    endToEnd, tool, LoadAverage.now());
        }
    }

    private static double endToEnd(Pipeline pipeline, int records) throws Exception {
        long start = System.currentTimeMillis();
        PerSecondCounter produced = new PerSecondCounter(start);
        PerSecondCounter staged = new PerSecondCounter(start);
        PerSecondCounter committed = new PerSecondCounter(start);
        long lakeBefore = pipeline.lake().files().records();
        pipeline.lake().countInto(committed);
        long done;
        try (StagingReader reader = new StagingReader(pipeline.bootstrap(), start, staged);
             KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            long t0 = System.nanoTime();
            Random random = new Random(11);
            Instant now = Instant.now();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(BenchZone.LANDING, ("e" + i).getBytes(), BenchZone.claim(i, random, now)),
                        (m, e) -> produced.add(System.currentTimeMillis(), 1));
            }
            producer.flush();
            System.out.printf(Locale.ROOT, "landing: %,d claims produced in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (pipeline.lake().files().records() - lakeBefore < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + (pipeline.lake().files().records() - lakeBefore) + " of " + records
                            + " claims committed in S3 after 15 minutes (" + reader.count() + " staged)");
                }
                Thread.sleep(50);
            }
            done = System.nanoTime();
            double seconds = (done - t0) / 1e9;
            double rate = records / seconds;
            System.out.printf(Locale.ROOT, "end to end: %,d claims from the first landing send to the last committed in S3 in %.1f s: %,.0f records/s"
                    + " (sink rotation %d ms wall clock or %,d records)%n", records, seconds, rate, Pipeline.ROTATE_MS, Pipeline.FLUSH_SIZE);
            SeriesCsv csv = new SeriesCsv("timeseries-end-to-end", "second", "records per second");
            produced.writeTo(csv, "produced to landing");
            staged.writeTo(csv, "in staging");
            committed.writeTo(csv, "committed in S3");
            csv.write();
            return rate;
        }
    }

    /** The mean size of the claims this benchmark sends, so Kafka's tool sends records of the same size. */
    private static int averageClaimSize() {
        Random random = new Random(11);
        Instant now = Instant.now();
        long bytes = 0;
        for (int i = 0; i < 1_000; i++) {
            bytes += BenchZone.claim(i, random, now).length;
        }
        return (int) (bytes / 1_000);
    }
}
