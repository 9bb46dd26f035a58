package io.tributary.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.tributary.bench.report.LoadAverage;
import io.tributary.bench.report.SeriesCsv;
import io.tributary.bench.validator.BenchZone;

/**
 * Latency at fixed rates, from the moment a claim is due on landing to (a) its arrival at a
 * {@code read_committed} reader of staging and (b) the moment the Parquet file holding it is
 * complete in S3, i.e. visible to a query. Each claim's landing timestamp is the moment it was
 * due, not when it was sent, so a stalled producer cannot hide its queue. Percentiles by
 * HdrHistogram. The sink rotates files every {@value Pipeline#ROTATE_MS} ms of wall clock (the
 * local platform's setting), which dominates (b).
 *
 * From the repository root, after {@code mvn install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.pipeline.LatencyBenchmark [rates=500,2000,5000] [seconds=30]}.
 */
public final class LatencyBenchmark {
    static final double[] PERCENTILES = {50, 90, 95, 99, 99.9, 100};

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "500,2000,5000").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path work = Files.createTempDirectory("tributary-latency-bench");
        SeriesCsv csv = new SeriesCsv("latency-landing-to-staging-and-queryable", "percentile", "ms");
        try (Pipeline pipeline = Pipeline.start(work); KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            // Warm-up: JIT, the validator's first schema look-ups, the sink's first files.
            run(pipeline, producer, Math.min(rates[0], 1_000), 5, "warm-up", null);
            for (int rate : rates) {
                run(pipeline, producer, rate, seconds, rate + "/s", csv);
            }
        }
        csv.write();
        System.out.println("Sink rotation: " + Pipeline.FLUSH_SIZE + " records or rotate.schedule.interval.ms=" + Pipeline.ROTATE_MS
                + " (wall clock), whichever first; queryable = the file's footer readable in S3 (polled every " + LakeWatcher.POLL_MILLIS + " ms).");
    }

    private static void run(Pipeline pipeline, KafkaProducer<byte[], byte[]> producer, int rate, int seconds, String label, SeriesCsv csv)
            throws Exception {
        long startWall = System.currentTimeMillis() + 200;
        int total = rate * seconds;
        Random random = new Random(rate);
        try (StagingReader reader = new StagingReader(pipeline.bootstrap(), startWall, null)) {
            long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startWall - System.currentTimeMillis());
            for (int i = 0; i < total; i++) {
                long dueOffsetNanos = (long) i * 1_000_000_000L / rate;
                long wait = startNanos + dueOffsetNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long due = startWall + dueOffsetNanos / 1_000_000;
                producer.send(new ProducerRecord<>(BenchZone.LANDING, null, due, ("r" + rate + "-" + i).getBytes(),
                        BenchZone.claim(i, random, Instant.ofEpochMilli(due))));
            }
            producer.flush();
            int staged = reader.awaitCount(total, Duration.ofSeconds(120));
            List<StagingReader.Staged> records = reader.staged();
            awaitLake(pipeline.lake().files(), records, Duration.ofSeconds(60));
            report(label, rate, total, staged, records, pipeline.lake().files(), csv);
        }
    }

    private static void awaitLake(CommittedFiles files, List<StagingReader.Staged> records, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (records.stream().allMatch(r -> files.seenAt(r.partition(), r.offset()).isPresent())) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static void report(String label, int rate, int total, int staged, List<StagingReader.Staged> records, CommittedFiles files,
            SeriesCsv csv) {
        Histogram toStaging = new Histogram(3_600_000L, 3);
        Histogram toQueryable = new Histogram(3_600_000L, 3);
        int queryable = 0;
        for (StagingReader.Staged r : records) {
            toStaging.recordValue(Math.max(0, r.arrivedMillis() - r.landingMillis()));
            OptionalLong seen = files.seenAt(r.partition(), r.offset());
            if (seen.isPresent()) {
                toQueryable.recordValue(Math.max(0, seen.getAsLong() - r.landingMillis()));
                queryable++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d claims produced, %,d staged, %,d queryable, %s%n", label, total, staged, queryable,
                LoadAverage.now());
        System.out.println(line(label, "landing-to-staging", toStaging));
        System.out.println(line(label, "landing-to-queryable", toQueryable));
        if (csv != null) {
            for (double p : PERCENTILES) {
                if (toStaging.getTotalCount() > 0) {
                    csv.add("to staging at " + label, p, toStaging.getValueAtPercentile(p));
                }
                if (toQueryable.getTotalCount() > 0) {
                    csv.add("to queryable at " + label, p, toQueryable.getValueAtPercentile(p));
                }
            }
        }
    }

    static String line(String label, String what, Histogram h) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "%s latency at %s: no records", what, label);
        }
        return String.format(Locale.ROOT, "%s latency at %s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%,d records)", what, label,
                h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount());
    }
}
