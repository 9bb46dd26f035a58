package io.tributary.connect.s3.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.connect.s3.S3ParquetSinkConnector;
import io.tributary.connect.s3.metrics.SinkMetricsRestExtension;
import io.tributary.connect.support.SecuredKafka;
import io.tributary.local.ConnectRest;
import io.tributary.local.LocalConnectWorker;
import io.tributary.local.LocalS3Server;
import io.tributary.local.RegistryProcess;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * The real parts the integration tests run against, started once per test JVM and shared: a
 * secured KRaft broker ({@link SecuredKafka}: SASL/SCRAM, ACLs) and S3Proxy in this JVM, the
 * packaged schema registry as a process, and a Kafka Connect worker in this JVM (the connector from
 * the class path, the metrics REST extension on). Every Kafka client logs in as the platform user.
 */
public final class LakePlatform {
    public static final String BUCKET = "lake";
    public static final String ACCESS = "tributary";
    public static final String SECRET = "tributary-secret";
    public static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private static LakePlatform instance;

    public final Path dir;
    public final SecuredKafka kafka;
    public final LocalS3Server s3;
    public final RegistryProcess registryProcess;
    public final HttpSchemaRegistry registry;
    public final LocalConnectWorker worker;
    public final ConnectRest rest;
    public final LakeReader lake;
    public final KafkaProducer<byte[], byte[]> producer;

    private LakePlatform(Path dir) {
        this.dir = dir;
        kafka = SecuredKafka.start(dir);
        s3 = LocalS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET);
        s3.createBucket(BUCKET);
        registryProcess = RegistryProcess.start(RegistryProcess.requirePackagedJar(), kafka.bootstrapServers(), dir.resolve("logs"),
                kafka.registrySettings());
        registry = new HttpSchemaRegistry(registryProcess.url());
        worker = LocalConnectWorker.start(kafka.bootstrapServers(), 0, kafka.workerOverrides(Map.of("offset.flush.interval.ms", "500",
                "rest.extension.classes", SinkMetricsRestExtension.class.getName())));
        rest = worker.rest();
        lake = new LakeReader(s3.endpoint(), ACCESS, SECRET, BUCKET);
        Properties p = kafka.clientConfig();
        p.put("acks", "all");
        p.put("linger.ms", "5");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static synchronized LakePlatform get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("tributary-connectors-it-");
                instance = new LakePlatform(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "lake-platform-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private void stop() {
        for (AutoCloseable c : new AutoCloseable[] {producer, lake, worker, registryProcess, s3, kafka}) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder
        }
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            // Tests produce records of 2024: time-based retention would delete them while the test runs.
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
    }

    public int register(String topic, Schema schema) {
        return registry.register(topic + "-value", schema);
    }

    public void send(String topic, int partition, Long timestamp, byte[] key, byte[] value, Map<String, byte[]> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach(h::add);
        try {
            producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value, h)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /** Sends without waiting; call {@link #flush()} before relying on the records. */
    public void sendAsync(String topic, int partition, Long timestamp, byte[] value) {
        producer.send(new ProducerRecord<>(topic, partition, timestamp, null, value));
    }

    public void flush() {
        producer.flush();
    }

    public void send(String topic, int partition, byte[] value) {
        send(topic, partition, null, null, value, Map.of());
    }

    /** The connector settings every test shares: the lake, the registry, a dead-letter queue. */
    public Map<String, String> connectorConfig(String topics, String dlq) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", S3ParquetSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topics);
        c.put("key.converter", BYTES);
        c.put("value.converter", BYTES);
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", s3.endpoint());
        c.put("aws.access.key.id", ACCESS);
        c.put("aws.secret.access.key", SECRET);
        c.put("schema.registry.url", registry.baseUrl());
        c.put("spool.dir", dir.resolve("spool").toString());
        c.put("s3.retry.max.attempts", "3");
        if (dlq != null) {
            c.put("errors.tolerance", "all");
            c.put("errors.deadletterqueue.topic.name", dlq);
            c.put("errors.deadletterqueue.topic.replication.factor", "1");
            c.put("errors.deadletterqueue.context.headers.enable", "true");
        }
        return c;
    }

    public void startConnector(String name, Map<String, String> config) {
        rest.putConnectorConfig(name, config);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "RUNNING".equals(rest.taskState(name, 0)));
    }

    public void deleteConnector(String name) {
        rest.delete(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> !rest.connectors().contains(name));
    }

    /** The offsets Connect committed for {@code topic}, by partition. */
    public Map<Integer, Long> committedOffsets(String connector, String topic) {
        return committedOffsets(rest, connector, topic);
    }

    public static Map<Integer, Long> committedOffsets(ConnectRest rest, String connector, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (JsonNode o : rest.offsets(connector).path("offsets")) {
            if (topic.equals(o.path("partition").path("kafka_topic").asText())) {
                offsets.put(o.path("partition").path("kafka_partition").asInt(), o.path("offset").path("kafka_offset").asLong());
            }
        }
        return offsets;
    }

    /** Reads {@code count} records from the start of {@code topic} (fails if fewer arrive within 30 s). */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        Properties p = kafka.clientConfig();
        p.put("group.id", "it-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            if (records.size() < count) {
                throw new AssertionError("only " + records.size() + " of " + count + " records in " + topic);
            }
            return records;
        }
    }

    /** The worker's {@code GET /tributary/metrics} (Prometheus text). */
    public String metrics() {
        return metrics(worker.restUrl());
    }

    public static String metrics(String restUrl) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(restUrl + "/tributary/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /tributary/metrics answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a sink metric of one task, from the Prometheus text; -1 if absent. */
    public static long metric(String text, String name, String connector) {
        String prefix = "tributary_sink_" + name + "{connector=\"" + connector + "\",task=\"0\"} ";
        return text.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> Long.parseLong(l.substring(prefix.length()).trim()))
                .findFirst().orElse(-1);
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code select} with DuckDB over the Parquet objects under {@code prefix}, read where the
     * S3 server keeps them: {@code {lake}} stands for the files (with a {@code filename} column),
     * {@code {root}/} for the bucket folder, so that {@code replace(filename, '{root}/', '')} gives object keys.
     */
    public List<Map<String, Object>> query(String prefix, String select) throws Exception {
        // S3Proxy's filesystem backend keeps each object as a plain file at <bucket folder>/<key>.
        Path local = s3.bucketFolder(BUCKET);
        String view = "read_parquet('" + local + "/" + prefix + "**/*.parquet', filename = true, hive_partitioning = false,"
                + " union_by_name = true)";
        return LakeReader.query(select.replace("{lake}", view).replace("{root}", local.toString()));
    }

    /**
     * Runs {@code select} with DuckDB over the footers of the Parquet objects under {@code prefix}:
     * {@code {footer}} stands for DuckDB's {@code parquet_metadata} of them (one row per row group and column,
     * with {@code row_group_id}, {@code row_group_num_rows}, {@code row_group_bytes}, {@code compression}, ...).
     */
    public List<Map<String, Object>> footers(String prefix, String select) throws Exception {
        Path local = s3.bucketFolder(BUCKET);
        return LakeReader.query(select.replace("{footer}", "parquet_metadata('" + local + "/" + prefix + "**/*.parquet')"));
    }

    /** Object key → number of rows, for every Parquet object under {@code prefix}. */
    public Map<String, Long> rowsPerFile(String prefix) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Map<String, Object> row : query(prefix, "SELECT replace(filename, '{root}/', '') AS f, count(*) AS n FROM {lake} GROUP BY f")) {
            counts.put(row.get("f").toString(), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
