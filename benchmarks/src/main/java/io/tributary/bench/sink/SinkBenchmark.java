package io.tributary.bench.sink;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.parquet.hadoop.ParquetWriter;

import io.tributary.connect.s3.S3ParquetSinkTask;
import io.tributary.connect.s3.metrics.MetricsRegistry;
import io.tributary.connect.s3.metrics.TaskMetrics;
import io.tributary.connect.s3.parquet.KafkaColumns;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetFormat;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.parquet.UploadOutputFile;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.storage.S3ObjectStore;
import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.local.LocalS3Server;
import io.tributary.registry.client.WireFormat;

/**
 * The S3 sink against a plain parquet-avro loop, into the same S3 server (S3Proxy, in this JVM)
 * through the same output stream ({@link UploadOutputFile} over an S3 multipart upload):
 * <ul>
 * <li>{@code throughput}: records per second of the sink task ({@code put} of Connect records in
 * the wire format, event-time partitioning, files of 50,000 records) and of the plain loop
 * (decode the same wire-format bytes, write them with parquet-avro, cut files at the same
 * size), in alternating rounds so that both see the same machine load; the median of each and
 * their ratio (target: at least 0.80).</li>
 * <li>{@code heap} (run with {@code -Xmx512m}): heap held with 1,000 output partitions open,
 * for the sink and for one parquet-avro writer per partition.</li>
 * </ul>
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar io.tributary.bench.sink.SinkBenchmark [throughput|heap]}
 */
public final class SinkBenchmark {
    static final double THROUGHPUT_TARGET = 0.80;
    private static final int WARM_UP = 3;
    private static final String BUCKET = "lake";
    private static final String ACCESS = "bench";
    private static final String SECRET = "bench-secret";
    private static final int PART = 8 * 1024 * 1024;
    private static final ParquetSettings PARQUET = new ParquetSettings(ParquetCodec.SNAPPY, 16L * 1024 * 1024, 1024 * 1024);

    private final LocalS3Server s3;
    private final TinyRegistry registry;
    private int naiveWriters;
    private long naiveRecords;
    /** CPU time of the last run: the calling thread, plus the sink's upload threads. */
    private long lastCpuNanos;
    private final Path dir;

    private SinkBenchmark(LocalS3Server s3, TinyRegistry registry, Path dir) {
        this.s3 = s3;
        this.registry = registry;
        this.dir = dir;
    }

    /**
     * Heap the sink holds, after a full GC, with each number of open output partitions
     * ({@code perPartition} records each), in a fresh S3 server and registry: the scale curve.
     *
     * @return bytes held, one per entry of {@code partitions}
     */
    public static long[] heapCurve(int[] partitions, int perPartition) throws Exception {
        Configurator.setLevel("io.tributary.connect", Level.WARN);
        Configurator.setLevel("io.tributary.local", Level.WARN);
        Path dir = Files.createTempDirectory("sink-bench-");
        try (LocalS3Server s3 = LocalS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET); TinyRegistry registry = new TinyRegistry()) {
            s3.createBucket(BUCKET);
            SinkBenchmark bench = new SinkBenchmark(s3, registry, dir);
            long[] held = new long[partitions.length];
            for (int i = 0; i < partitions.length; i++) {
                held[i] = bench.sinkHeap(partitions[i], perPartition);
            }
            return held;
        }
    }

    public static void main(String[] args) throws Exception {
        Configurator.setLevel("io.tributary.connect", Level.WARN);
        Configurator.setLevel("io.tributary.local", Level.WARN);
        String mode = args.length == 0 ? "all" : args[0];
        Path dir = Files.createTempDirectory("sink-bench-");
        try (LocalS3Server s3 = LocalS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET); TinyRegistry registry = new TinyRegistry()) {
            s3.createBucket(BUCKET);
            SinkBenchmark bench = new SinkBenchmark(s3, registry, dir);
            boolean ok = true;
            if (mode.equals("all") || mode.equals("throughput")) {
                ok &= bench.throughput(Integer.getInteger("records", 200_000), Integer.getInteger("rounds", 7));
            }
            if (mode.equals("all") || mode.equals("heap")) {
                bench.heap(Integer.getInteger("partitions", 1_000), Integer.getInteger("perPartition", 100));
            }
            System.out.println(ok ? "Sink figures within their limits." : "Some sink figures are over their limits.");
        }
    }

    private Map<String, String> sinkConfig(String name) {
        Map<String, String> c = new HashMap<>();
        c.put("name", name);
        c.put("task.id", "0");
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", s3.endpoint());
        c.put("aws.access.key.id", ACCESS);
        c.put("aws.secret.access.key", SECRET);
        c.put("s3.part.size", String.valueOf(PART));
        c.put("schema.registry.url", registry.url());
        c.put("partition.field", "spent_at");
        c.put("rotate.schedule.interval.ms", "-1");
        c.put("parquet.row.group.size", String.valueOf(PARQUET.rowGroupBytes()));
        c.put("parquet.page.size", String.valueOf(PARQUET.pageBytes()));
        c.put("spool.dir", dir.resolve("spool").toString());
        return c;
    }

    // ---- throughput ----

    private boolean throughput(int records, int rounds) throws Exception {
        int fileRecords = 50_000;
        byte[][] wire = new byte[records][];
        for (int i = 0; i < records; i++) {
            wire[i] = BenchRecords.wire(i, 1);
        }
        long bytes = Arrays.stream(wire).mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "%d ten-field records (%.1f MB in the wire format), files of %d records, %d rounds after " + WARM_UP + " of"
                + " warm-up%n", records, bytes / 1e6, fileRecords, rounds);
        List<Double> sink = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> sinkCpu = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        boolean interleave = Boolean.parseBoolean(System.getProperty("interleave", "true"));
        if (!interleave) {
            // Diagnosis: every round of one side, then every round of the other (-Dfirst=plain to swap).
            boolean plainFirst = "plain".equals(System.getProperty("first"));
            for (int side = 0; side < 2; side++) {
                boolean doSink = (side == 0) != plainFirst;
                for (int round = 0; round < rounds + WARM_UP; round++) {
                    double v = doSink ? sinkRun(wire, fileRecords, round) : plainRun(wire, fileRecords, round);
                    System.out.printf(Locale.ROOT, "round %d: %s %.0f records/s%n", round, doSink ? "sink" : "plain parquet-avro", v);
                    if (round >= WARM_UP) {
                        (doSink ? sink : plain).add(v);
                    }
                }
            }
        }
        for (int round = 0; interleave && round < rounds + WARM_UP; round++) {
            boolean sinkFirst = round % 2 == 0;
            double s = 0;
            double p = 0;
            double sc = 0;
            double pc = 0;
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == sinkFirst) {
                    s = sinkRun(wire, fileRecords, round);
                    sc = lastCpuNanos / (double) wire.length;
                } else {
                    p = plainRun(wire, fileRecords, round);
                    pc = lastCpuNanos / (double) wire.length;
                }
            }
            System.out.printf(Locale.ROOT, "round %d%s: sink %.0f records/s (%.0f ns CPU/record), plain parquet-avro %.0f records/s"
                    + " (%.0f ns CPU/record), ratio %.3f%n", round, round < WARM_UP ? " (warm-up)" : "", s, sc, p, pc, s / p);
            if (round >= WARM_UP) {
                sink.add(s);
                plain.add(p);
                sinkCpu.add(sc);
                plainCpu.add(pc);
            }
        }
        double s = median(sink);
        double p = median(plain);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%nsink / plain parquet-avro = %.3f (target at least %.2f): sink %.0f records/s, plain %.0f"
                + " records/s (medians of %d rounds, load average %.1f)%n", s / p, THROUGHPUT_TARGET, s, p, rounds, load);
        if (!sinkCpu.isEmpty()) {
            double sc = median(sinkCpu);
            double pc = median(plainCpu);
            System.out.printf(Locale.ROOT, "by CPU time, which the machine's load disturbs less: plain / sink = %.3f (sink %.0f ns/record"
                    + " on its task and upload threads, plain %.0f ns/record)%n", pc / sc, sc, pc);
        }
        return s / p >= THROUGHPUT_TARGET;
    }

    /** The sink task as a worker drives it: open, put in batches of 500, then preCommit, until every file is visible. */
    private double sinkRun(byte[][] wire, int fileRecords, int round) {
        String topic = "bench.staging.sink_r" + round;
        TopicPartition tp = new TopicPartition(topic, 0);
        Map<String, String> config = sinkConfig("bench-sink-" + round);
        config.put("flush.size", String.valueOf(fileRecords));
        S3ParquetSinkTask task = new S3ParquetSinkTask();
        BenchTaskContext context = new BenchTaskContext(config);
        task.initialize(context);
        task.start(config);
        context.assign(tp);
        task.open(List.of(tp));
        long cpuStarted = CpuTime.thread();
        long started = System.nanoTime();
        // Like a worker: each poll's records become a batch of Connect records, handed to put and dropped.
        for (int from = 0; from < wire.length; from += 500) {
            List<SinkRecord> batch = new ArrayList<>(500);
            for (int i = from; i < Math.min(wire.length, from + 500); i++) {
                batch.add(new SinkRecord(topic, 0, null, null, Schema.OPTIONAL_BYTES_SCHEMA, wire[i], i, BenchRecords.DAY,
                        TimestampType.CREATE_TIME));
            }
            task.put(batch);
        }
        // As a worker does at its next offset commit; it waits for the last files to be visible.
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(tp, new OffsetAndMetadata(wire.length)));
        long elapsed = System.nanoTime() - started;
        lastCpuNanos = CpuTime.thread() - cpuStarted + CpuTime.threadsNamed("tributary-s3-upload")
                + CpuTime.threadsNamed("tributary-checkpoint");
        task.stop();
        if (committed.get(tp).offset() != wire.length) {
            throw new IllegalStateException("the sink committed " + committed + ", not all " + wire.length + " records");
        }
        return wire.length / (elapsed / 1e9);
    }

    /** What a consumer without the sink would do: decode each record and write it with parquet-avro, file after file. */
    private double plainRun(byte[][] wire, int fileRecords, int round) throws IOException {
        ParquetFormat format = new ParquetFormat(PARQUET, KafkaColumns.NONE);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(BenchRecords.SCHEMA);
        BinaryDecoder decoder = null;
        GenericRecord row = null;
        try (S3ObjectStore store = S3ObjectStore.connect(settings())) {
            long cpuStarted = CpuTime.thread();
            long started = System.nanoTime();
            for (int from = 0; from < wire.length; from += fileRecords) {
                ObjectUpload upload = store.newUpload("plain/r" + round + "/dt=2024-05-01/" + from + ".parquet",
                        ParquetFormat.CONTENT_TYPE);
                try (ParquetWriter<GenericRecord> writer = format.writer(new UploadOutputFile(upload), BenchRecords.SCHEMA, Map.of())) {
                    for (int i = from; i < Math.min(wire.length, from + fileRecords); i++) {
                        decoder = DecoderFactory.get().binaryDecoder(wire[i], WireFormat.HEADER_SIZE,
                                wire[i].length - WireFormat.HEADER_SIZE, decoder);
                        row = reader.read(row, decoder);
                        writer.write(row);
                    }
                }
                upload.complete();
            }
            double perSecond = wire.length / ((System.nanoTime() - started) / 1e9);
            lastCpuNanos = CpuTime.thread() - cpuStarted;
            return perSecond;
        }
    }

    private S3Settings settings() {
        return new S3Settings(BUCKET, java.util.Optional.of(s3.endpoint()), "us-east-1", java.util.Optional.of(ACCESS),
                java.util.Optional.of(SECRET), PART, 10, java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(20), true);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    // ---- heap ----

    private void heap(int partitions, int perPartition) throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "%n%d open output partitions, %d records each (%d records), heap limit %d MB%n", partitions,
                perPartition, partitions * perPartition, max >> 20);
        long sinkHeap = sinkHeap(partitions, perPartition);
        String naive;
        try {
            naive = String.format(Locale.ROOT, "%.1f MB", naiveHeap(partitions, perPartition) / 1e6);
        } catch (OutOfMemoryError e) {
            naive = String.format(Locale.ROOT, "out of memory after opening %d writers and writing %d records", naiveWriters,
                    naiveRecords);
        }
        System.out.printf(Locale.ROOT, "heap held with %d open partitions: sink %.1f MB, one parquet-avro writer per partition %s%n",
                partitions, sinkHeap / 1e6, naive);
    }

    /** Heap the sink holds with every partition's file open, and how long committing them all takes. */
    private long sinkHeap(int partitions, int perPartition) throws Exception {
        // A topic and connector of their own per size: a later run must not resume from an earlier one's checkpoint.
        String topic = "bench.staging.heap" + partitions;
        TopicPartition tp = new TopicPartition(topic, 0);
        Map<String, String> config = sinkConfig("bench-heap-" + partitions);
        config.put("partitioner", "field");
        config.put("partition.value.fields", "account");
        config.put("flush.size", String.valueOf(perPartition + 1));
        config.put("rotate.schedule.interval.ms", "15000");
        S3ParquetSinkTask task = new S3ParquetSinkTask();
        BenchTaskContext context = new BenchTaskContext(config);
        task.initialize(context);
        task.start(config);
        context.assign(tp);
        task.open(List.of(tp));
        long before = usedHeapAfterGc();
        long opened = System.currentTimeMillis();
        List<SinkRecord> batch = new ArrayList<>();
        for (long i = 0; i < (long) partitions * perPartition; i++) {
            batch.add(new SinkRecord(topic, 0, null, null, Schema.OPTIONAL_BYTES_SCHEMA, BenchRecords.wire(i, partitions), i,
                    BenchRecords.DAY, TimestampType.CREATE_TIME));
            if (batch.size() == 500) {
                task.put(batch);
                batch = new ArrayList<>();
            }
        }
        task.put(batch);
        batch = null;
        long held = usedHeapAfterGc() - before;
        TaskMetrics metrics = MetricsRegistry.tasks().stream().filter(m -> m.connector().equals("bench-heap-" + partitions)).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "sink: %d open files, %.1f MB of record buffers in memory, %.1f MB spilled, heap held %.1f MB%n",
                metrics.value("open-files"), metrics.value("buffered-bytes") / 1e6, metrics.value("spilled-bytes") / 1e6, held / 1e6);
        // Every file is older than rotate.schedule.interval.ms once 15 s have passed since the last was opened.
        Thread.sleep(Math.max(0, 15_500 - (System.currentTimeMillis() - opened)) + (System.currentTimeMillis() - opened));
        long started = System.nanoTime();
        task.preCommit(Map.of(tp, new OffsetAndMetadata(0)));
        System.out.printf(Locale.ROOT, "sink: committed %d files in %.1f s (wall-clock rotation, one checkpoint write)%n",
                metrics.value("files-committed-total"), (System.nanoTime() - started) / 1e9);
        task.stop();
        return held;
    }

    /** Heap held by one parquet-avro writer per partition, each streaming to its own S3 upload. */
    private long naiveHeap(int partitions, int perPartition) throws Exception {
        ParquetFormat format = new ParquetFormat(PARQUET, KafkaColumns.NONE);
        try (S3ObjectStore store = S3ObjectStore.connect(settings())) {
            long before = usedHeapAfterGc();
            List<ParquetWriter<GenericRecord>> writers = new ArrayList<>();
            List<ObjectUpload> uploads = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                ObjectUpload upload = store.newUpload("naive/account=acc" + p + "/0.parquet", ParquetFormat.CONTENT_TYPE);
                uploads.add(upload);
                writers.add(format.writer(new UploadOutputFile(upload), BenchRecords.SCHEMA, Map.of()));
                naiveWriters = writers.size();
            }
            GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(BenchRecords.SCHEMA);
            for (long i = 0; i < (long) partitions * perPartition; i++) {
                byte[] wire = BenchRecords.wire(i, partitions);
                GenericRecord row = reader.read(null, DecoderFactory.get().binaryDecoder(wire, WireFormat.HEADER_SIZE,
                        wire.length - WireFormat.HEADER_SIZE, null));
                writers.get((int) (i % partitions)).write(row);
                naiveRecords = i + 1;
            }
            long held = usedHeapAfterGc() - before;
            System.out.printf(Locale.ROOT, "one parquet-avro writer per partition: heap held %.1f MB%n", held / 1e6);
            for (int p = 0; p < partitions; p++) {
                writers.get(p).close();
                uploads.get(p).complete();
            }
            return held;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
