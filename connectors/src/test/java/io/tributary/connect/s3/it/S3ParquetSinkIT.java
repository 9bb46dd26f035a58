package io.tributary.connect.s3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.connect.s3.S3ParquetSinkConnector;
import io.tributary.connect.s3.support.LakeReader;
import io.tributary.connect.s3.support.RegistryStub;
import io.tributary.local.ConnectRest;
import io.tributary.local.LocalConnectWorker;
import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.LocalS3Server;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.WireFormat;

/**
 * The sink end to end on real parts: an in-process KRaft broker, S3Proxy, a Connect worker
 * configured over REST, records in the Confluent wire format, and the lake read back over the
 * S3 API and queried with DuckDB. The schema registry is a small HTTP server speaking the two
 * endpoints used (the platform's registry application was not packaged yet).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ParquetSinkIT {
    private static final String TOPIC = "finance.staging.expenses";
    private static final String CONNECTOR = "finance-staging-lake";
    private static final String DLQ = "_tributary.dlq.finance-staging-lake";
    private static final String BUCKET = "lake";
    private static final String ACCESS = "tributary";
    private static final String SECRET = "tributary-secret";
    private static final String PREFIX = "staging/finance/expenses/";
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Expense","namespace":"finance","fields":[
              {"name":"id","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"currency","type":"string"},
              {"name":"spent_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"note","type":["null","string"],"default":null}]}""");

    @TempDir
    static Path dir;
    static LocalKafkaBroker broker;
    static LocalS3Server s3;
    static RegistryStub registry;
    static LocalConnectWorker worker;
    static ConnectRest rest;
    static LakeReader lake;
    static KafkaProducer<byte[], byte[]> producer;
    static int schemaId;
    /** Every good record produced: id → amount. */
    static final Map<String, Double> produced = new HashMap<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        broker = LocalKafkaBroker.start(dir.resolve("kafka"), 0);
        s3 = LocalS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET);
        s3.createBucket(BUCKET);
        registry = RegistryStub.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic("finance.staging.invoices", 1, (short) 1)))
                    .all().get();
        }
        worker = LocalConnectWorker.start(broker.bootstrapServers(), 0, Map.of("offset.flush.interval.ms", "500"));
        rest = worker.rest();
        lake = new LakeReader(s3.endpoint(), ACCESS, SECRET, BUCKET);
        schemaId = new HttpSchemaRegistry(registry.url()).register(TOPIC + "-value", SCHEMA);
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("acks", "all");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopPlatform() {
        for (AutoCloseable c : new AutoCloseable[] {producer, lake, worker, registry, s3, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    @Order(1)
    void landsEveryRecordOnceInFilesCutByFlushSize() throws Exception {
        // Partition 0: 30 records of one day. Partition 1: 20 offsets over two days, offset 5 not in wire format.
        for (int i = 0; i < 30; i++) {
            send(0, good("p0-" + i, "2024-05-01T08:00:00Z", i));
        }
        for (int i = 0; i < 20; i++) {
            send(1, i == 5 ? "not avro".getBytes(StandardCharsets.UTF_8)
                    : good("p1-" + i, i < 10 ? "2024-05-02T23:30:00Z" : "2024-05-03T00:30:00Z", i));
        }
        producer.flush();
        rest.putConnectorConfig(CONNECTOR, connectorConfig(10));

        List<String> expected = List.of(
                PREFIX + "dt=2024-05-01/" + TOPIC + "+0+00000000000000000000.parquet",
                PREFIX + "dt=2024-05-01/" + TOPIC + "+0+00000000000000000010.parquet",
                PREFIX + "dt=2024-05-01/" + TOPIC + "+0+00000000000000000020.parquet",
                PREFIX + "dt=2024-05-02/" + TOPIC + "+1+00000000000000000000.parquet",
                PREFIX + "dt=2024-05-03/" + TOPIC + "+1+00000000000000000010.parquet");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(lake.keys(PREFIX)).containsExactlyElementsOf(expected));

        Map<String, Long> perFile = recordsPerFile();
        assertThat(perFile).containsExactlyInAnyOrderEntriesOf(Map.of(
                expected.get(0), 10L, expected.get(1), 10L, expected.get(2), 10L,
                // The batch of partition 1 closed when its dt=2024-05-03 file reached flush.size;
                // the other day's file of the same batch holds the 9 good records before offset 10.
                expected.get(3), 9L, expected.get(4), 10L));
        assertEveryRecordExactlyOnce();

        // The undecodable record went to the dead-letter queue with Connect's error context.
        ConsumerRecord<byte[], byte[]> dead = readOne(DLQ);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(new String(dead.headers().lastHeader("__connect.errors.exception.message").value(), StandardCharsets.UTF_8))
                .contains("topic " + TOPIC + " partition 1 offset 5").contains("wire format");

        // Only what is in the lake is committed to Kafka.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(committedOffsets(CONNECTOR)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 30L, 1, 20L)));
    }

    @Test
    @Order(2)
    void resumesFromTheLakeWhenKafkaOffsetsAreLostAndFilesAreCutDifferently() throws Exception {
        // Forget the committed offsets and change the rotation: a sink that trusted Kafka offsets
        // or file names would rewrite offsets 0..29 as files of 7 and duplicate them.
        rest.stop(CONNECTOR);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "STOPPED".equals(rest.status(CONNECTOR).path("connector").path("state").asText()));
        rest.resetOffsets(CONNECTOR);
        rest.putConnectorConfig(CONNECTOR, connectorConfig(7));
        for (int i = 30; i < 44; i++) {
            send(0, good("p0-" + i, "2024-05-01T09:00:00Z", i));
        }
        producer.flush();
        rest.resume(CONNECTOR);

        String day = PREFIX + "dt=2024-05-01/" + TOPIC;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(lake.keys(PREFIX + "dt=2024-05-01/")).containsExactly(
                        day + "+0+00000000000000000000.parquet", day + "+0+00000000000000000010.parquet",
                        day + "+0+00000000000000000020.parquet", day + "+0+00000000000000000030.parquet",
                        day + "+0+00000000000000000037.parquet"));
        Map<String, Long> perFile = recordsPerFile();
        assertThat(perFile.get(day + "+0+00000000000000000030.parquet")).isEqualTo(7L);
        assertThat(perFile.get(day + "+0+00000000000000000037.parquet")).isEqualTo(7L);
        assertThat(perFile.get(day + "+0+00000000000000000000.parquet")).isEqualTo(10L);
        assertEveryRecordExactlyOnce();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(committedOffsets(CONNECTOR)).containsEntry(0, 44L).containsEntry(1, 20L));
    }

    @Test
    @Order(3)
    void failsTheTaskNamingTheRecordWhenThereIsNoDeadLetterQueue() throws Exception {
        String topic = "finance.staging.invoices";
        producer.send(new ProducerRecord<>(topic, 0, null, new byte[] {1, 2, 3})).get();
        Map<String, String> config = connectorConfig(10);
        config.put("topics", topic);
        config.remove("errors.tolerance");
        config.remove("errors.deadletterqueue.topic.name");
        rest.putConnectorConfig("finance-invoices-lake", config);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "FAILED".equals(rest.taskState("finance-invoices-lake", 0)));
        JsonNode task = rest.status("finance-invoices-lake").path("tasks").get(0);
        assertThat(task.path("trace").asText()).contains("topic " + topic + " partition 0 offset 0")
                .contains("errors.deadletterqueue.topic.name");
        assertThat(lake.keys("staging/finance/invoices/")).isEmpty();
    }

    private static Map<String, String> connectorConfig(int flushSize) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", S3ParquetSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", TOPIC);
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", s3.endpoint());
        c.put("aws.access.key.id", ACCESS);
        c.put("aws.secret.access.key", SECRET);
        c.put("schema.registry.url", registry.url());
        c.put("flush.size", String.valueOf(flushSize));
        c.put("partition.field", "spent_at");
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", DLQ);
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        c.put("errors.deadletterqueue.context.headers.enable", "true");
        return c;
    }

    private static byte[] good(String id, String spentAt, int n) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        double amount = 10 + n * 1.25;
        r.put("id", id);
        r.put("amount", amount);
        r.put("currency", "EUR");
        r.put("spent_at", Instant.parse(spentAt).toEpochMilli());
        r.put("note", n % 3 == 0 ? null : "note " + n);
        produced.put(id, amount);
        return WireFormat.encode(schemaId, SCHEMA, r);
    }

    private static void send(int partition, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, partition, null, value)).get();
    }

    /** Downloads the dataset and counts records per object with DuckDB. */
    private static Map<String, Long> recordsPerFile() throws Exception {
        Path local = dir.resolve("download-" + System.nanoTime());
        lake.download(PREFIX, local);
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : LakeReader.query("SELECT filename, count(*) AS n FROM read_parquet('" + local
                + "/**/*.parquet', filename = true, hive_partitioning = false) GROUP BY filename")) {
            String file = row.get("filename").toString();
            counts.put(file.substring(local.toString().length() + 1), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** Every good record produced is in the lake once, with its values; nothing else is. */
    private static void assertEveryRecordExactlyOnce() throws Exception {
        Path local = dir.resolve("download-" + System.nanoTime());
        lake.download(PREFIX, local);
        List<Map<String, Object>> rows = LakeReader.query("SELECT id, amount, currency, note, spent_at FROM read_parquet('"
                + local + "/**/*.parquet', hive_partitioning = false)");
        List<String> ids = new ArrayList<>(rows.stream().map(r -> r.get("id").toString()).toList());
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(produced.keySet());
        Map<String, Double> amounts = rows.stream()
                .collect(Collectors.toMap(r -> r.get("id").toString(), r -> ((Number) r.get("amount")).doubleValue()));
        assertThat(amounts).containsExactlyInAnyOrderEntriesOf(produced);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("currency")).isEqualTo("EUR"));
        Map<String, Object> p0n3 = rows.stream().filter(r -> r.get("id").equals("p0-3")).findFirst().orElseThrow();
        assertThat(p0n3.get("note")).isNull();
        Map<String, Object> p0n4 = rows.stream().filter(r -> r.get("id").equals("p0-4")).findFirst().orElseThrow();
        assertThat(p0n4.get("note")).isEqualTo("note 4");
    }

    private static Map<Integer, Long> committedOffsets(String connector) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (JsonNode o : rest.offsets(connector).path("offsets")) {
            if (TOPIC.equals(o.path("partition").path("kafka_topic").asText())) {
                offsets.put(o.path("partition").path("kafka_partition").asInt(), o.path("offset").path("kafka_offset").asLong());
            }
        }
        return offsets;
    }

    private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("group.id", "it-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).as("records in " + topic).hasSize(1);
            return records.get(0);
        }
    }
}
