package io.tributary.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.bench.validator.BenchZone;
import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.LocalS3Server;
import io.tributary.local.RegistryProcess;

/**
 * The path a record takes from landing to the lake, each part real and each in its own process
 * as on the platform, except the broker and the S3 server (in this JVM): the packaged registry,
 * the packaged validator (two stream threads) on the benchmark zone's expense claims, and a
 * Connect worker running our S3 sink on staging with the local platform's rotation
 * ({@value #FLUSH_SIZE} records or a {@value #ROTATE_MS} ms wall-clock rotation, whichever
 * first), files partitioned by the records' Kafka timestamps (one {@code dt=} folder).
 */
final class Pipeline implements AutoCloseable {
    static final int PARTITIONS = 6;
    static final long ROTATE_MS = 3_000;
    static final int FLUSH_SIZE = 10_000;
    static final String BUCKET = "lake";
    private static final String SINK = "bench-expenses-staging-s3-sink";

    private final LocalKafkaBroker broker;
    private final RegistryProcess registry;
    private final LocalS3Server s3;
    private final ValidatorProcess validator;
    private final ConnectProcess connect;
    private final LakeWatcher lake;

    private Pipeline(LocalKafkaBroker broker, RegistryProcess registry, LocalS3Server s3, ValidatorProcess validator,
            ConnectProcess connect, LakeWatcher lake) {
        this.broker = broker;
        this.registry = registry;
        this.s3 = s3;
        this.validator = validator;
        this.connect = connect;
        this.lake = lake;
    }

    static Pipeline start(Path work) throws Exception {
        ValidatorProcess.jar();
        if (System.getProperty(RegistryProcess.JAR_PROPERTY) == null) {
            System.setProperty(RegistryProcess.JAR_PROPERTY, "schema-registry/server/target/quarkus-app/quarkus-run.jar");
        }
        long t0 = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"), 0);
        RegistryProcess registry = null;
        LocalS3Server s3 = null;
        ValidatorProcess validator = null;
        ConnectProcess connect = null;
        try {
            String bootstrap = broker.bootstrapServers();
            connect = ConnectProcess.start(bootstrap, work);
            registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), bootstrap, work);
            s3 = LocalS3Server.start(work.resolve("s3"), 0, "bench", "bench-secret");
            s3.createBucket(BUCKET);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(BenchZone.LANDING, BenchZone.STAGING, BenchZone.REJECTED).stream()
                        .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
            }
            Path descriptor = BenchZone.write(work.resolve("zones"));
            validator = ValidatorProcess.start(bootstrap, registry.url(), descriptor, work.resolve("validator-state"), "bench-pipeline", 2,
                    work.resolve("validator.log"));
            validator.awaitReady(Duration.ofMinutes(5));
            connect.awaitReady(Duration.ofMinutes(5));
            connect.putConnector(SINK, sinkConfig(s3, registry.url()));
            connect.awaitTaskRunning(SINK, Duration.ofMinutes(3));
            LakeWatcher lake = new LakeWatcher(s3.bucketFolder(BUCKET).resolve("staging"));
            System.out.printf(Locale.ROOT, "pipeline up in %.1f s (broker, registry, S3, validator, Connect worker with the S3 sink), %s%n",
                    (System.nanoTime() - t0) / 1e9, io.tributary.bench.report.LoadAverage.now());
            return new Pipeline(broker, registry, s3, validator, connect, lake);
        } catch (Exception | Error e) {
            closeQuietly(connect, validator, s3, registry, broker);
            throw e;
        }
    }

    /** The local platform's sink of a staging topic (see SinkConnectorConfigs in the CLI), on the Kafka timestamp. */
    private static Map<String, String> sinkConfig(LocalS3Server s3, String registryUrl) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", "io.tributary.connect.s3.S3ParquetSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", BenchZone.STAGING);
        c.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", "http://127.0.0.1:" + s3.port());
        c.put("s3.region", "us-east-1");
        c.put("aws.access.key.id", "bench");
        c.put("aws.secret.access.key", "bench-secret");
        c.put("schema.registry.url", registryUrl);
        c.put("flush.size", String.valueOf(FLUSH_SIZE));
        c.put("rotate.schedule.interval.ms", String.valueOf(ROTATE_MS));
        c.put("timezone", "UTC");
        return c;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    LakeWatcher lake() {
        return lake;
    }

    /** The producer settings both this benchmark's landing load and Kafka's producer tool use. */
    static Map<String, Object> producerSettings(String bootstrap) {
        return Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 65_536, "compression.type", "lz4", "acks", "all");
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(producerSettings(bootstrap()), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        try {
            lake.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(connect, validator, s3, registry, broker);
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable p : parts) {
            if (p != null) {
                try {
                    p.close();
                } catch (Exception e) {
                    System.err.println("while stopping " + p.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }
}
