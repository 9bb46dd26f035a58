package io.tributary.connect.s3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.glue.RecordingGlueEndpoint;
import io.tributary.connect.s3.S3ParquetSinkConnector;
import io.tributary.connect.s3.archive.ArchiveReader;
import io.tributary.connect.s3.archive.ArchiveReader.ArchivedRecord;
import io.tributary.connect.s3.catalog.GlueSinkCatalog;
import io.tributary.connect.s3.catalog.LakePartition;
import io.tributary.connect.s3.support.Expenses;
import io.tributary.connect.s3.support.LakePlatform;
import io.tributary.connect.s3.support.RecordingCatalog;
import io.tributary.registry.client.WireFormat;

/**
 * Each format, partitioner, rotation rule and schema rule of the sink, and its handling of bad
 * input, against the real worker, broker, registry and S3 server. Every test has its own topic
 * and connector.
 */
class SinkFeaturesIT {
    private static final Duration LANDING = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An item, then a newer schema adding a field with a default, then one changing the id's type (incompatible with both). */
    private static final Schema ITEM_V1 = SchemaBuilder.record("Item").namespace("finance").fields().requiredString("id").endRecord();
    private static final Schema ITEM_V2 = SchemaBuilder.record("Item").namespace("finance").fields().requiredString("id")
            .name("category").type().stringType().stringDefault("misc").endRecord();
    private static final Schema ITEM_V3 = SchemaBuilder.record("Item").namespace("finance").fields().requiredLong("id").endRecord();
    static LakePlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LakePlatform.get();
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static String file(String folder, String topic, int partition, long offset, String ext) {
        return folder + topic + "+" + partition + "+" + String.format("%020d", offset) + "." + ext;
    }

    @Test
    void badInputGoesToTheDeadLetterQueueWithTheReasonAndNothingIsLost() throws Exception {
        String topic = "finance.staging.bad";
        String dlq = "_tributary.dlq.bad";
        platform.createTopic(topic, 1);
        int good = platform.register(topic, Expenses.SCHEMA);
        int notARecord = platform.registry.register("not-a-record-value", Schema.create(Schema.Type.STRING));
        Schema noEventTime = SchemaBuilder.record("Expense").namespace("finance").fields().requiredString("id").endRecord();
        int withoutEventTime = platform.registry.register("no-event-time-value", noEventTime);
        byte[] truncated = Arrays.copyOf(Expenses.wire(good, "cut", 1, "2024-05-01T08:00:00Z"), 12);
        GenericRecord noTime = new GenericData.Record(noEventTime);
        noTime.put("id", "x");
        List<byte[]> values = List.of(
                Expenses.wire(good, "g0", 0, "2024-05-01T08:00:00Z"),
                new byte[0],
                WireFormat.encode(987_654, Expenses.SCHEMA, Expenses.record("u", 1, "2024-05-01T08:00:00Z")),
                WireFormat.encode(notARecord, Schema.create(Schema.Type.STRING), "just a string"),
                truncated,
                Expenses.wire(good, "g5", 5, "2024-05-01T08:00:00Z"),
                "{\"id\": 6}".getBytes(StandardCharsets.UTF_8),
                WireFormat.encode(withoutEventTime, noEventTime, noTime),
                Expenses.wire(good, "g8", 8, "2024-05-01T08:00:00Z"));
        for (int i = 0; i < values.size(); i++) {
            platform.send(topic, 0, null, ("k" + i).getBytes(StandardCharsets.UTF_8), i == 1 ? null : values.get(i),
                    Map.of("origin", "test".getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> config = platform.connectorConfig(topic, dlq);
        config.put("flush.size", "3");
        config.put("partition.field", "spent_at");
        platform.startConnector("bad-input", config);

        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys("staging/finance/bad/"))
                .containsExactly(file("staging/finance/bad/dt=2024-05-01/", topic, 0, 0, "parquet")));
        assertThat(platform.query("staging/finance/bad/", "SELECT id FROM {lake} ORDER BY id")).extracting(r -> r.get("id"))
                .containsExactly("g0", "g5", "g8");
        List<ConsumerRecord<byte[], byte[]>> dead = platform.read(dlq, 6);
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String offset = LakePlatform.header(r, "tributary.source.offset");
            reasons.put(offset, LakePlatform.header(r, "tributary.reject.reason"));
            assertThat(r.value()).as("original bytes of offset " + offset)
                    .isEqualTo(offset.equals("1") ? null : values.get(Integer.parseInt(offset)));
            assertThat(r.key()).isEqualTo(("k" + offset).getBytes(StandardCharsets.UTF_8));
            assertThat(LakePlatform.header(r, "origin")).isEqualTo("test");
            assertThat(LakePlatform.header(r, "tributary.source.topic")).isEqualTo(topic);
            assertThat(LakePlatform.header(r, "tributary.reject.message")).isNotBlank();
        }
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("1", "NULL_VALUE", "2", "UNKNOWN_SCHEMA", "3", "NOT_A_RECORD",
                "4", "UNDECODABLE", "6", "NOT_WIRE_FORMAT", "7", "MISSING_FIELD"));
        assertThat(dead).filteredOn(r -> "7".equals(LakePlatform.header(r, "tributary.source.offset")))
                .singleElement().satisfies(r -> {
                    assertThat(LakePlatform.header(r, "tributary.reject.field")).isEqualTo("spent_at");
                    assertThat(LakePlatform.header(r, "tributary.reject.message")).contains("spent_at");
                });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platform.committedOffsets("bad-input", topic)).containsEntry(0, 9L));
        String metrics = platform.metrics();
        assertThat(LakePlatform.metric(metrics, "records_rejected_total", "bad-input")).isEqualTo(6);
        platform.deleteConnector("bad-input");
    }

    @Test
    void structsFromAConverterLandWithTheirTypesAndSchemaLessRecordsAreRejected() throws Exception {
        String topic = "finance.staging.refunds";
        String dlq = "_tributary.dlq.refunds";
        platform.createTopic(topic, 1);
        int day = (int) LocalDate.parse("2024-05-01").toEpochDay();
        String schema = """
                {"type":"struct","name":"finance.Refund","optional":false,"version":1,"fields":[
                 {"field":"id","type":"string","optional":false},
                 {"field":"amount","type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal",
                  "parameters":{"scale":"2","connect.decimal.precision":"10"}},
                 {"field":"refunded_at","type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp"},
                 {"field":"day","type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date"},
                 {"field":"reason","type":"string","optional":true},
                 {"field":"customer","type":"struct","optional":false,"fields":[
                   {"field":"name","type":"string","optional":false},{"field":"vip","type":"boolean","optional":true}]},
                 {"field":"lines","type":"array","optional":false,"items":{"type":"int32","optional":false}},
                 {"field":"attrs","type":"map","optional":true,"keys":{"type":"string","optional":false},
                  "values":{"type":"string","optional":false}}]}""";
        String good = "{\"schema\":" + schema + ",\"payload\":{\"id\":\"r1\",\"amount\":\"EtaH\",\"refunded_at\":"
                + at("2024-05-01T10:00:00Z") + ",\"day\":" + day + ",\"reason\":null,\"customer\":{\"name\":\"Ann\",\"vip\":true},"
                + "\"lines\":[1,2],\"attrs\":{\"k\":\"v\"}}}";
        long ts = at("2024-05-01T10:00:00Z");
        platform.send(topic, 0, ts, null, good.getBytes(StandardCharsets.UTF_8), Map.of());
        platform.send(topic, 0, ts, null, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), Map.of());
        platform.send(topic, 0, ts, null, "{\"schema\": null, \"payload\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8), Map.of());
        platform.send(topic, 0, ts, null, good.replace("\"r1\"", "\"r2\"").getBytes(StandardCharsets.UTF_8), Map.of());
        Map<String, String> config = platform.connectorConfig(topic, dlq);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("schema.registry.url", "");
        config.put("flush.size", "2");
        platform.startConnector("refunds", config);

        String prefix = "staging/finance/refunds/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).hasSize(1));
        List<Map<String, Object>> rows = platform.query(prefix, "SELECT id, CAST(amount AS VARCHAR) AS amount, typeof(amount) AS t,"
                + " epoch_ms(refunded_at) AS ms, CAST(day AS VARCHAR) AS day, reason, customer.name AS name, customer.vip AS vip,"
                + " len(lines) AS lines, attrs['k'] AS k FROM {lake} ORDER BY id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", "r1").containsEntry("amount", "12345.67").containsEntry("t", "DECIMAL(10,2)")
                .containsEntry("day", "2024-05-01").containsEntry("reason", null).containsEntry("name", "Ann")
                .containsEntry("vip", true).containsEntry("lines", 2L);
        assertThat(((Number) rows.get(0).get("ms")).longValue()).isEqualTo(ts);
        assertThat(rows.get(0).get("k").toString()).contains("v");

        List<ConsumerRecord<byte[], byte[]>> dead = platform.read(dlq, 2);
        assertThat(dead).anySatisfy(r -> {
            assertThat(LakePlatform.header(r, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
            assertThat(LakePlatform.header(r, "__connect.errors.exception.message")).contains("schema");
        });
        assertThat(dead).anySatisfy(r -> {
            assertThat(LakePlatform.header(r, "tributary.reject.reason")).isEqualTo("NO_SCHEMA");
            assertThat(LakePlatform.header(r, "tributary.reject.message")).contains("schema-less");
        });
        platform.deleteConnector("refunds");
    }

    /**
     * v1, v1, v2, v1, a v3 that drops a field (registered under another subject: the dataset's own,
     * BACKWARD, refuses it), then v2: the records of the compatibility tests, offsets 0 to 5.
     *
     * @return the id of v3
     */
    private int sendItemsOfThreeSchemaVersions(String topic) throws Exception {
        platform.createTopic(topic, 1);
        int id1 = platform.register(topic, ITEM_V1);
        int id2 = platform.register(topic, ITEM_V2);
        int id3 = platform.registry.register("legacy-items-value", ITEM_V3);
        sendItem(topic, id1, ITEM_V1, "a", null);
        sendItem(topic, id1, ITEM_V1, "b", null);
        sendItem(topic, id2, ITEM_V2, "c", "books");
        sendItem(topic, id1, ITEM_V1, "d", null);
        GenericRecord legacy = new GenericData.Record(ITEM_V3);
        legacy.put("id", 5L);
        platform.send(topic, 0, at("2024-05-01T10:00:00Z"), null, WireFormat.encode(id3, ITEM_V3, legacy), Map.of());
        sendItem(topic, id2, ITEM_V2, "f", "food");
        return id3;
    }

    @Test
    void recordsOfAnAbortedTransactionNeverLand() throws Exception {
        // Stage topics are written in transactions; a processor killed mid-transaction leaves aborted records behind.
        String topic = "finance.staging.transactional";
        platform.createTopic(topic, 1);
        int id = platform.register(topic, ITEM_V1);
        Map<String, Object> producerConfig = new HashMap<>(platform.kafka.clientProperties());
        producerConfig.putAll(Map.of("transactional.id", "it-aborting-validator", "enable.idempotence", true, "acks", "all"));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(producerConfig,
                new org.apache.kafka.common.serialization.ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.initTransactions();
            for (List<String> ids : List.of(List.of("aborted-1", "aborted-2", "aborted-3"), List.of("committed-1", "committed-2"))) {
                producer.beginTransaction();
                for (String itemId : ids) {
                    GenericRecord r = new GenericData.Record(ITEM_V1);
                    r.put("id", itemId);
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, 0, at("2024-05-01T10:00:00Z"), null,
                            WireFormat.encode(id, ITEM_V1, r)));
                }
                producer.flush();
                if (ids.get(0).startsWith("aborted")) {
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                }
            }
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", "2");
        platform.startConnector("transactional", config);

        String prefix = "staging/finance/transactional/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).isNotEmpty());
        Thread.sleep(3000); // an aborted record landed late would show now
        List<Map<String, Object>> rows = platform.query(prefix, "SELECT id FROM {lake} ORDER BY id");
        assertThat(rows).extracting(r -> r.get("id").toString()).containsExactly("committed-1", "committed-2");
        platform.deleteConnector("transactional");
    }

    @Test
    void schemaEvolutionFollowsTheCompatibilitySetting() throws Exception {
        String topic = "finance.staging.evolving";
        String dlq = "_tributary.dlq.evolving";
        int id3 = sendItemsOfThreeSchemaVersions(topic);
        Map<String, String> config = platform.connectorConfig(topic, dlq);
        config.put("flush.size", "3");
        config.put("schema.compatibility", "BACKWARD");
        platform.startConnector("evolving", config);

        String prefix = "staging/finance/evolving/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).hasSize(2));
        List<Map<String, Object>> rows = platform.query(prefix, "SELECT id, category, replace(filename, '{root}/', '') AS f FROM {lake}"
                + " ORDER BY id");
        assertThat(rows).extracting(r -> r.get("id") + ":" + r.get("category") + ":" + r.get("f").toString().substring(
                r.get("f").toString().lastIndexOf('+') + 1)).containsExactly(
                        "a:null:00000000000000000000.parquet", "b:null:00000000000000000000.parquet",
                        "c:books:00000000000000000002.parquet", "d:misc:00000000000000000002.parquet",
                        "f:food:00000000000000000002.parquet");
        ConsumerRecord<byte[], byte[]> dead = platform.read(dlq, 1).get(0);
        assertThat(LakePlatform.header(dead, "tributary.reject.reason")).isEqualTo("INCOMPATIBLE_SCHEMA");
        assertThat(LakePlatform.header(dead, "tributary.reject.message")).contains("BACKWARD").contains("v" + id3);
        platform.deleteConnector("evolving");
    }

    private static void sendItem(String topic, int id, Schema schema, String itemId, String category) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", itemId);
        if (category != null) {
            r.put("category", category);
        }
        platform.send(topic, 0, at("2024-05-01T10:00:00Z"), null, WireFormat.encode(id, schema, r), Map.of());
    }

    @Test
    void hourlyFoldersRotateOnEventTimeAndWallClockAndTellTheCatalog() throws Exception {
        String topic = "finance.staging.clicks";
        platform.createTopic(topic, 1);
        int id = platform.register(topic, Expenses.SCHEMA);
        String[] times = {"2024-05-01T10:00:00Z", "2024-05-01T10:10:00Z", "2024-05-01T10:29:00Z", "2024-05-01T10:31:00Z",
            "2024-05-01T11:05:00Z", "2024-05-01T10:05:00Z"};
        for (int i = 0; i < times.length; i++) {
            platform.send(topic, 0, Expenses.wire(id, "c" + i, i, times[i]));
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("partition.field", "spent_at");
        config.put("partition.granularity", "hourly");
        config.put("rotate.interval.ms", "1800000");
        config.put("rotate.schedule.interval.ms", "3000");
        config.put("catalog.class", RecordingCatalog.class.getName());
        config.put("catalog.glue.database.prefix", "test_");
        platform.startConnector("clicks", config);

        String prefix = "staging/finance/clicks/dt=2024-05-01/";
        List<String> expected = List.of(file(prefix + "hr=10/", topic, 0, 0, "parquet"), file(prefix + "hr=10/", topic, 0, 3, "parquet"),
                file(prefix + "hr=11/", topic, 0, 4, "parquet"));
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).containsExactlyElementsOf(expected));
        assertThat(platform.rowsPerFile("staging/finance/clicks/")).containsExactlyInAnyOrderEntriesOf(Map.of(expected.get(0), 3L,
                expected.get(1), 2L, expected.get(2), 1L));

        List<LakePartition> told = RecordingCatalog.PARTITIONS.stream().filter(p -> p.topic().toString().equals(topic)).toList();
        assertThat(told).extracting(LakePartition::partitionPath).containsExactlyInAnyOrder("dt=2024-05-01/hr=10", "dt=2024-05-01/hr=11");
        assertThat(told).allSatisfy(p -> {
            assertThat(p.tableLocation()).isEqualTo("s3://lake/staging/finance/clicks/");
            assertThat(p.format()).isEqualTo("parquet");
            assertThat(p.schema().getField("spent_at")).isNotNull();
        });
        assertThat(told.get(0).values()).containsOnlyKeys("dt", "hr");
        assertThat(RecordingCatalog.CONFIGURATIONS).contains(Map.of("glue.database.prefix", "test_"));

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("kafka.connect:type=plugins,connector=clicks,*"), null);
        assertThat(names).isNotEmpty();
        ObjectName task = names.iterator().next();
        assertThat(jmx.getAttribute(task, "files-committed-total")).isEqualTo(3L);
        assertThat(jmx.getAttribute(task, "records-written-total")).isEqualTo(6L);
        assertThat(jmx.getAttribute(task, "open-files")).isEqualTo(0L);
        String metrics = platform.metrics();
        assertThat(metrics).contains("# TYPE tributary_sink_files_committed_total counter")
                .contains("tributary_sink_files_committed_total{connector=\"clicks\",task=\"0\"} 3");
        assertThat(LakePlatform.metric(metrics, "bytes_written_total", "clicks")).isPositive();
        assertThat(LakePlatform.metric(metrics, "commit_latency_ms_max", "clicks")).isNotNegative();
        platform.deleteConnector("clicks");
    }

    @Test
    void fieldValueFoldersRotateOnRecordBytes() throws Exception {
        String topic = "finance.staging.payments";
        platform.createTopic(topic, 1);
        Schema payment = SchemaBuilder.record("Payment").namespace("finance").fields().requiredString("id").optionalString("region")
                .endRecord();
        int id = platform.register(topic, payment);
        String[] regions = {"eu", "us", "eu", null, "a/b", "eu", "us", "eu"};
        for (int i = 0; i < regions.length; i++) {
            GenericRecord r = new GenericData.Record(payment);
            r.put("id", "p" + i);
            r.put("region", regions[i]);
            platform.send(topic, 0, WireFormat.encode(id, payment, r));
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("partitioner", "field");
        config.put("partition.value.fields", "region");
        config.put("rotate.size.bytes", "15");
        config.put("rotate.schedule.interval.ms", "3000");
        platform.startConnector("payments", config);

        String prefix = "staging/finance/payments/";
        // Each record is 7 bytes: a file rotates at its third record (21 bytes >= 15).
        List<String> expected = List.of(file(prefix + "region=__HIVE_DEFAULT_PARTITION__/", topic, 0, 3, "parquet"),
                file(prefix + "region=a%2Fb/", topic, 0, 4, "parquet"), file(prefix + "region=eu/", topic, 0, 0, "parquet"),
                file(prefix + "region=eu/", topic, 0, 7, "parquet"), file(prefix + "region=us/", topic, 0, 1, "parquet"));
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).containsExactlyElementsOf(expected));
        assertThat(platform.rowsPerFile(prefix)).containsEntry(expected.get(2), 3L).containsEntry(expected.get(3), 1L)
                .containsEntry(expected.get(4), 2L);
        platform.deleteConnector("payments");
    }

    @Test
    void landingIsArchivedRawUnderItsOwnPrefixForReplay() throws Exception {
        String topic = "finance.landing.expenses";
        platform.createTopic(topic, 1);
        long ts = at("2024-05-01T12:00:00Z");
        List<byte[]> values = new ArrayList<>(List.of("{\"id\":1,\"amount\":\"12.50\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, (byte) 0xff, 1, 2}, "id;amount\n2;3.10".getBytes(StandardCharsets.UTF_8)));
        values.add(null);
        for (int i = 0; i < values.size(); i++) {
            Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
            headers.put("source", ("sftp-" + i).getBytes(StandardCharsets.UTF_8));
            headers.put("batch", new byte[] {(byte) i});
            platform.send(topic, 0, ts + i, i == 1 ? null : ("key" + i).getBytes(StandardCharsets.UTF_8), values.get(i), headers);
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("format", "archive");
        config.put("header.converter", LakePlatform.BYTES);
        config.put("schema.registry.url", "");
        config.put("flush.size", "4");
        platform.startConnector("landing-archive", config);

        String key = file("_raw/landing/finance/expenses/dt=2024-05-01/", topic, 0, 0, "avro");
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys("_raw/")).containsExactly(key));
        assertThat(platform.lake.keys("landing/")).as("nothing where analysts read").isEmpty();
        byte[] object = platform.lake.client().getObjectAsBytes(b -> b.bucket(LakePlatform.BUCKET).key(key)).asByteArray();
        List<ArchivedRecord> archived = ArchiveReader.read(new ByteArrayInputStream(object));
        assertThat(archived).hasSize(4);
        for (int i = 0; i < 4; i++) {
            ArchivedRecord r = archived.get(i);
            assertThat(r.offset()).isEqualTo(i);
            assertThat(r.value()).isEqualTo(values.get(i));
            assertThat(r.key()).isEqualTo(i == 1 ? null : ("key" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(r.timestamp()).isEqualTo(ts + i);
            assertThat(r.timestampType()).isEqualTo("CreateTime");
            assertThat(r.headers()).extracting(h -> h.key()).containsExactly("source", "batch");
            assertThat(r.headers().get(0).value()).isEqualTo(("sftp-" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(r.headers().get(1).value()).isEqualTo(new byte[] {(byte) i});
        }
        platform.deleteConnector("landing-archive");
    }

    @Test
    void rejectedTopicsLandAsRowsOfTheRejectedTablesWithTheirReasons() throws Exception {
        // One connector for all of a zone's rejected topics, as the platform runs it (topics.regex).
        String claims = "qa.rejected.claims";
        String trips = "qa.rejected.trips";
        platform.createTopic(claims, 1);
        platform.createTopic(trips, 1);
        byte[] notUtf8 = {0, 0, 0, 0, 3, (byte) 0xC3, (byte) 0x28};
        platform.send(claims, 0, at("2024-05-01T10:00:00Z"), "c-1".getBytes(StandardCharsets.UTF_8),
                "{\"amount\": -5}".getBytes(StandardCharsets.UTF_8), reasons("RULE_FAILED", "positive_amount", "amount",
                        "amount must be positive", "qa.landing.claims", "0", "41", "batch-7"));
        platform.send(claims, 0, at("2024-05-02T11:00:00Z"), null, notUtf8,
                reasons("NOT_JSON", "", "", "not JSON: unexpected byte", "qa.landing.claims", "0", "42", null));
        platform.send(claims, 0, at("2024-05-02T12:00:00Z"), "c-3".getBytes(StandardCharsets.UTF_8),
                "no headers".getBytes(StandardCharsets.UTF_8), Map.of());
        platform.send(trips, 0, at("2024-05-01T09:30:00Z"), null, "trip;;".getBytes(StandardCharsets.UTF_8),
                reasons("MISSING_FIELD", "", "destination", "destination is required", "qa.landing.trips", "0", "5", null));
        Map<String, String> config = platform.connectorConfig("", null);
        config.remove("topics");
        config.put("topics.regex", "qa\\.rejected\\..*");
        config.put("format", "rejected");
        config.put("header.converter", LakePlatform.BYTES);
        config.put("schema.registry.url", "");
        config.put("flush.size", "2");
        config.put("rotate.schedule.interval.ms", "2000");
        platform.startConnector("qa-rejected", config);

        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys("rejected/qa/")).containsExactlyInAnyOrder(
                file("rejected/qa/claims/dt=2024-05-01/", claims, 0, 0, "parquet"),
                file("rejected/qa/claims/dt=2024-05-02/", claims, 0, 1, "parquet"),
                file("rejected/qa/trips/dt=2024-05-01/", trips, 0, 0, "parquet")));
        List<Map<String, Object>> rows = platform.query("rejected/qa/", "SELECT * EXCLUDE (filename), epoch_ms(rejected_at) AS ms"
                + " FROM {lake} ORDER BY source_topic, source_offset");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).keySet()).containsExactlyInAnyOrder("reason", "rule", "field", "message", "source_topic", "source_partition",
                "source_offset", "batch_id", "rejected_at", "record_key", "record_value", "ms");
        assertThat(rows.get(0)).containsEntry("reason", "RULE_FAILED").containsEntry("rule", "positive_amount")
                .containsEntry("field", "amount").containsEntry("message", "amount must be positive")
                .containsEntry("source_topic", "qa.landing.claims").containsEntry("source_partition", 0)
                .containsEntry("source_offset", 41L).containsEntry("batch_id", "batch-7").containsEntry("ms", at("2024-05-01T10:00:00Z"))
                .containsEntry("record_key", "c-1").containsEntry("record_value", "{\"amount\": -5}");
        assertThat(rows.get(1)).containsEntry("reason", "NOT_JSON").containsEntry("rule", null).containsEntry("field", null)
                .containsEntry("source_offset", 42L).containsEntry("batch_id", null).containsEntry("record_key", null)
                .containsEntry("ms", at("2024-05-02T11:00:00Z"))
                .containsEntry("record_value", "base64:" + java.util.Base64.getEncoder().encodeToString(notUtf8));
        // No reason headers: still landed, reason UNKNOWN, pointing at where it was found (so it sorts last).
        assertThat(rows.get(3)).containsEntry("reason", "UNKNOWN").containsEntry("source_topic", claims)
                .containsEntry("source_partition", 0).containsEntry("source_offset", 2L).containsEntry("record_key", "c-3")
                .containsEntry("record_value", "no headers").containsEntry("ms", at("2024-05-02T12:00:00Z"));
        assertThat((String) rows.get(3).get("message")).contains("tributary.reject.reason", claims + " partition 0 offset 2");
        assertThat(rows.get(2)).containsEntry("reason", "MISSING_FIELD").containsEntry("field", "destination")
                .containsEntry("source_topic", "qa.landing.trips").containsEntry("source_offset", 5L)
                .containsEntry("record_value", "trip;;").containsEntry("ms", at("2024-05-01T09:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(platform.committedOffsets("qa-rejected", claims)).containsEntry(0, 3L);
            assertThat(platform.committedOffsets("qa-rejected", trips)).containsEntry(0, 1L);
        });
        platform.deleteConnector("qa-rejected");
    }

    /** The headers the validator puts on a rejected record (docs/contracts.md); a null batch id is left out. */
    private static Map<String, byte[]> reasons(String reason, String rule, String field, String message, String sourceTopic,
            String partition, String offset, String batchId) {
        Map<String, byte[]> h = new java.util.LinkedHashMap<>();
        h.put("tributary.reject.reason", reason.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.reject.rule", rule.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.reject.field", field.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.reject.message", message.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.source.topic", sourceTopic.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.source.partition", partition.getBytes(StandardCharsets.UTF_8));
        h.put("tributary.source.offset", offset.getBytes(StandardCharsets.UTF_8));
        if (batchId != null) {
            h.put("tributary.batch.id", batchId.getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    @Test
    void anUnreachableS3FailsTheTaskOnlyOnceItsRetriesAreUsedUp() {
        String topic = "finance.staging.unreachable";
        platform.createTopic(topic, 1);
        platform.send(topic, 0, Expenses.wire(platform.register(topic, Expenses.SCHEMA), "x", 1, "2024-05-01T10:00:00Z"));
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("s3.endpoint", "http://localhost:" + io.tributary.local.Ports.freePort());
        config.put("s3.retry.max.attempts", "3");
        config.put("s3.retry.backoff.ms", "100");
        platform.rest.putConnectorConfig("unreachable", config);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "FAILED".equals(platform.rest.taskState("unreachable", 0)));
        String trace = platform.rest.status("unreachable").path("tasks").get(0).path("trace").asText();
        assertThat(trace).contains("s3://lake/staging/finance/unreachable/").contains("after up to 3 attempt(s)")
                .contains(topic + "-0");
        platform.deleteConnector("unreachable");
    }

    @Test
    void aRebalanceBetweenTwoTasksLosesAndDuplicatesNothing() throws Exception {
        String topic = "finance.staging.rebalance";
        platform.createTopic(topic, 4);
        int id = platform.register(topic, Expenses.SCHEMA);
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 7; i++) {
                platform.send(topic, p, Expenses.wire(id, "r" + p + "-" + i, i, "2024-05-01T10:00:00Z"));
            }
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", "5");
        config.put("partition.field", "spent_at");
        config.put("rotate.schedule.interval.ms", "-1");
        platform.startConnector("rebalance", config);
        String prefix = "staging/finance/rebalance/";
        await().atMost(LANDING).untilAsserted(() -> {
            assertThat(platform.lake.keys(prefix)).hasSize(4);
            assertThat(LakePlatform.metric(platform.metrics(), "open_files", "rebalance")).isEqualTo(4);
        });

        config.put("tasks.max", "2");
        platform.rest.putConnectorConfig("rebalance", config);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "RUNNING".equals(platform.rest.taskState("rebalance", 0))
                && "RUNNING".equals(platform.rest.taskState("rebalance", 1)));
        for (int p = 0; p < 4; p++) {
            for (int i = 7; i < 15; i++) {
                platform.send(topic, p, Expenses.wire(id, "r" + p + "-" + i, i, "2024-05-01T10:00:00Z"));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            for (long o : new long[] {0, 5, 10}) {
                expected.add(file(prefix + "dt=2024-05-01/", topic, p, o, "parquet"));
            }
        }
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).containsExactlyInAnyOrderElementsOf(expected));
        List<Map<String, Object>> rows = platform.query(prefix, "SELECT id FROM {lake}");
        assertThat(rows).hasSize(60).extracting(r -> r.get("id")).doesNotHaveDuplicates();
        assertThat(platform.rest.status("rebalance").path("tasks")).hasSize(2);
        platform.deleteConnector("rebalance");
    }

    @ParameterizedTest(name = "parquet.codec={0}")
    @ValueSource(strings = {"zstd", "gzip", "uncompressed"})
    void filesAreCompressedWithTheConfiguredCodec(String codec) throws Exception {
        String topic = "finance.staging.codec_" + codec;
        platform.createTopic(topic, 1);
        int id = platform.register(topic, Expenses.SCHEMA);
        for (int i = 0; i < 3; i++) {
            platform.send(topic, 0, Expenses.wire(id, "k" + i, i, "2024-05-01T10:00:00Z"));
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", "3");
        config.put("partition.field", "spent_at");
        config.put("parquet.codec", codec);
        platform.startConnector("codec-" + codec, config);

        String prefix = "staging/finance/codec_" + codec + "/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).hasSize(1));
        // Every column chunk of the footer names the codec (the default, snappy, would fail this).
        assertThat(platform.footers(prefix, "SELECT DISTINCT compression FROM {footer}")).extracting(r -> r.get("compression"))
                .containsExactly(codec.toUpperCase(java.util.Locale.ROOT));
        assertThat(platform.query(prefix, "SELECT id FROM {lake} ORDER BY id")).extracting(r -> r.get("id")).containsExactly("k0", "k1", "k2");
        platform.deleteConnector("codec-" + codec);
    }

    @Test
    void rowGroupsAreCutAtTheConfiguredSizeAndEveryKafkaColumnIsKept() throws Exception {
        String topic = "finance.staging.scans";
        platform.createTopic(topic, 2);
        // A fixed field is written plain (no dictionary), so each row adds its 512 bytes to the row group.
        Schema scan = SchemaBuilder.record("Scan").namespace("finance").fields().requiredString("id").name("image").type()
                .fixed("Image").size(512).noDefault().endRecord();
        int id = platform.register(topic, scan);
        int rows = 1000;
        long ts = at("2024-05-01T10:00:00Z");
        for (int i = 0; i < rows; i++) {
            GenericRecord r = new GenericData.Record(scan);
            r.put("id", "s" + i);
            byte[] image = new byte[512];
            new java.util.Random(i).nextBytes(image);
            r.put("image", new GenericData.Fixed(scan.getField("image").schema(), image));
            platform.sendAsync(topic, 1, ts + i, WireFormat.encode(id, scan, r));
        }
        platform.flush();
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", String.valueOf(rows));
        config.put("rotate.schedule.interval.ms", "-1");
        config.put("parquet.row.group.size", "65536");
        config.put("parquet.kafka.columns", "topic,partition,offset,timestamp");
        platform.startConnector("scans", config);

        String prefix = "staging/finance/scans/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix))
                .containsExactly(file(prefix + "dt=2024-05-01/", topic, 1, 0, "parquet")));
        List<Map<String, Object>> groups = platform.footers(prefix, "SELECT row_group_id, any_value(row_group_num_rows) AS n,"
                + " any_value(row_group_bytes) AS bytes FROM {footer} GROUP BY row_group_id ORDER BY row_group_id");
        // 512 KB of rows in row groups of about 64 KB (Parquet cuts on its own estimate, a little under the target):
        // the default (16 MB) would give one.
        assertThat(groups).hasSizeBetween(5, 20);
        List<Long> rowsPerGroup = groups.stream().map(g -> ((Number) g.get("n")).longValue()).toList();
        assertThat(rowsPerGroup).allSatisfy(n -> assertThat(n).isLessThan(300L));
        assertThat(rowsPerGroup.stream().mapToLong(Long::longValue).sum()).isEqualTo(rows);
        assertThat(groups.subList(0, groups.size() - 1)).allSatisfy(g ->
                assertThat(((Number) g.get("bytes")).longValue()).isBetween(65_536L / 2, 2 * 65_536L));

        List<Map<String, Object>> lake = platform.query(prefix, "SELECT id, kafka_topic, kafka_partition, kafka_offset,"
                + " epoch_ms(kafka_timestamp) AS ts, typeof(kafka_timestamp) AS ts_type FROM {lake}");
        assertThat(lake).hasSize(rows).allSatisfy(r -> {
            long offset = ((Number) r.get("kafka_offset")).longValue();
            assertThat(r.get("id")).isEqualTo("s" + offset);
            assertThat(r.get("kafka_topic")).isEqualTo(topic);
            assertThat(r.get("kafka_partition")).isEqualTo(1);
            assertThat(((Number) r.get("ts")).longValue()).isEqualTo(ts + offset);
            assertThat(r.get("ts_type").toString()).startsWith("TIMESTAMP");
        });
        platform.deleteConnector("scans");
    }

    @Test
    void daysAreCutInTheConfiguredTimeZone() throws Exception {
        String topic = "finance.staging.night";
        platform.createTopic(topic, 1);
        int id = platform.register(topic, Expenses.SCHEMA);
        // Paris is UTC+2 in May: 22:00 UTC is already the next day there.
        String[] times = {"2024-05-01T21:30:00Z", "2024-05-01T22:30:00Z", "2024-05-02T21:59:59Z", "2024-05-02T22:00:00Z"};
        for (int i = 0; i < times.length; i++) {
            platform.send(topic, 0, Expenses.wire(id, "n" + i, i, times[i]));
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", "1");
        config.put("partition.field", "spent_at");
        config.put("timezone", "Europe/Paris");
        platform.startConnector("night", config);

        String prefix = "staging/finance/night/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).containsExactly(
                file(prefix + "dt=2024-05-01/", topic, 0, 0, "parquet"), file(prefix + "dt=2024-05-02/", topic, 0, 1, "parquet"),
                file(prefix + "dt=2024-05-02/", topic, 0, 2, "parquet"), file(prefix + "dt=2024-05-03/", topic, 0, 3, "parquet")));
        platform.deleteConnector("night");
    }

    @Test
    void aLateRecordWaitsInItsOwnFileWhileOffsetsAndBuffersTrackWhatIsDurable() throws Exception {
        String topic = "finance.staging.late";
        String connector = "late";
        platform.createTopic(topic, 1);
        int id = platform.register(topic, Expenses.SCHEMA);
        // Offsets 0-3 and 5-8 are of May 2; offset 4 arrives late, of May 1.
        for (int i = 0; i < 9; i++) {
            platform.send(topic, 0, Expenses.wire(id, "l" + i, i, i == 4 ? "2024-05-01T23:00:00Z" : "2024-05-02T09:00:00Z"));
        }
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("flush.size", "4");
        config.put("partition.field", "spent_at");
        config.put("rotate.schedule.interval.ms", "-1");
        platform.startConnector(connector, config);

        String prefix = "staging/finance/late/";
        String day1 = prefix + "dt=2024-05-01/";
        String day2 = prefix + "dt=2024-05-02/";
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).containsExactly(
                file(day2, topic, 0, 0, "parquet"), file(day2, topic, 0, 5, "parquet")));
        assertThat(platform.rowsPerFile(prefix)).containsExactlyInAnyOrderEntriesOf(Map.of(file(day2, topic, 0, 0, "parquet"), 4L,
                file(day2, topic, 0, 5, "parquet"), 4L));
        String metrics = platform.metrics();
        assertThat(LakePlatform.metric(metrics, "open_files", connector)).isEqualTo(1);
        assertThat(LakePlatform.metric(metrics, "buffered_bytes", connector)).as("the late record's buffer").isPositive();
        // Offset 4 is only in memory: Kafka must keep it, although offsets 5-8 are durable.
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofMillis(1500)).until(() ->
                Long.valueOf(4).equals(platform.committedOffsets(connector, topic).get(0)));

        for (int i = 9; i < 12; i++) {
            platform.send(topic, 0, Expenses.wire(id, "l" + i, i, "2024-05-01T23:30:00Z"));
        }
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(day1))
                .containsExactly(file(day1, topic, 0, 4, "parquet")));
        assertThat(platform.query(day1, "SELECT id FROM {lake} ORDER BY id")).extracting(r -> r.get("id"))
                .containsExactly("l10", "l11", "l4", "l9");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(platform.committedOffsets(connector, topic)).containsEntry(0, 12L);
            String after = platform.metrics();
            assertThat(LakePlatform.metric(after, "buffered_bytes", connector)).isZero();
            assertThat(LakePlatform.metric(after, "open_files", connector)).isZero();
        });
        platform.deleteConnector(connector);
    }

    static Stream<Arguments> compatibilityModes() {
        // Records a(v1) b(v1) c(v2) d(v1) e(v3, incompatible) f(v2); item:category:start offset of its file.
        return Stream.of(
                Arguments.of("NONE", List.of("a:null:0", "b:null:0", "c:books:2", "d:null:3", "5:null:4", "f:food:5")),
                Arguments.of("FORWARD", List.of("a:null:0", "b:null:0", "c:null:0", "d:null:3", "f:null:3")),
                Arguments.of("FULL", List.of("a:null:0", "b:null:0", "c:books:2", "d:misc:2", "f:food:2")));
    }

    @ParameterizedTest(name = "schema.compatibility={0}")
    @MethodSource("compatibilityModes")
    void schemaEvolutionFollowsEachCompatibilitySetting(String mode, List<String> expected) throws Exception {
        String dataset = "evolving_" + mode.toLowerCase(java.util.Locale.ROOT);
        String topic = "finance.staging." + dataset;
        String dlq = "_tributary.dlq." + dataset;
        String connector = "evolving-" + mode.toLowerCase(java.util.Locale.ROOT);
        int id3 = sendItemsOfThreeSchemaVersions(topic);
        Map<String, String> config = platform.connectorConfig(topic, dlq);
        config.put("flush.size", "3");
        // The last file lands by the wall clock; everything before it is cut by schema changes or flush.size.
        config.put("rotate.schedule.interval.ms", "2000");
        config.put("schema.compatibility", mode);
        platform.startConnector(connector, config);

        String prefix = "staging/finance/" + dataset + "/";
        long files = expected.stream().map(e -> e.substring(e.lastIndexOf(':'))).distinct().count();
        await().atMost(LANDING).untilAsserted(() -> assertThat(platform.lake.keys(prefix)).hasSize((int) files));
        // SELECT *: under FORWARD no file has a category column at all.
        List<Map<String, Object>> rows = platform.query(prefix, "SELECT * FROM {lake}");
        assertThat(rows).extracting(r -> r.get("id") + ":" + r.get("category") + ":" + Long.parseLong(r.get("filename").toString()
                .replaceAll(".*\\+(\\d+)\\.parquet$", "$1"))).containsExactlyInAnyOrderElementsOf(expected);
        if (mode.equals("NONE")) {
            assertThat(LakePlatform.metric(platform.metrics(), "records_rejected_total", connector)).isZero();
        } else {
            ConsumerRecord<byte[], byte[]> dead = platform.read(dlq, 1).get(0);
            assertThat(LakePlatform.header(dead, "tributary.reject.reason")).isEqualTo("INCOMPATIBLE_SCHEMA");
            assertThat(LakePlatform.header(dead, "tributary.source.offset")).isEqualTo("4");
            assertThat(LakePlatform.header(dead, "tributary.reject.message")).contains(mode).contains("v" + id3);
        }
        platform.deleteConnector(connector);
    }

    @Test
    void theGlueCatalogCreatesTheTableAtTheFirstCommitAndEvolvesItWithANewSchema() throws Exception {
        String topic = "finance.staging.glued";
        platform.createTopic(topic, 1);
        Schema v1 = SchemaBuilder.record("Glued").namespace("finance").fields().requiredString("id").requiredDouble("amount").endRecord();
        Schema v2 = SchemaBuilder.record("Glued").namespace("finance").fields().requiredString("id").requiredDouble("amount")
                .optionalString("note").endRecord();
        int id1 = platform.register(topic, v1);
        int id2 = platform.register(topic, v2);
        try (RecordingGlueEndpoint glue = new RecordingGlueEndpoint()) {
            for (int i = 0; i < 2; i++) {
                GenericRecord r = new GenericData.Record(v1);
                r.put("id", "g" + i);
                r.put("amount", 1.5 * i);
                platform.send(topic, 0, at("2024-05-01T10:00:00Z"), null, WireFormat.encode(id1, v1, r), Map.of());
            }
            Map<String, String> config = platform.connectorConfig(topic, null);
            config.put("flush.size", "2");
            config.put("catalog.class", GlueSinkCatalog.class.getName());
            config.put("catalog.glue.endpoint", glue.uri().toString());
            config.put("catalog.glue.region", "eu-west-1");
            config.put("catalog.aws.access.key.id", "AKIDTEST");
            config.put("catalog.aws.secret.access.key", "glue-secret");
            platform.startConnector("glued", config);

            await().atMost(LANDING).untilAsserted(() -> assertThat(glue.operations()).contains("CreateTable"));
            assertThat(platform.lake.keys("staging/finance/glued/")).hasSize(1);
            assertThat(glue.operations()).doesNotContain("UpdateTable");
            var table = glue.tables.get("finance_staging.glued");
            assertThat(table.path("StorageDescriptor").path("Location").asText()).isEqualTo("s3://lake/staging/finance/glued/");
            assertThat(table.path("StorageDescriptor").path("Columns").findValuesAsText("Name")).containsExactly("id", "amount");
            assertThat(table.path("PartitionKeys").findValuesAsText("Name")).containsExactly("dt");

            // A file of v2 on another day: the table gains the column; the daily folder needs no call (projection).
            for (int i = 2; i < 4; i++) {
                GenericRecord r = new GenericData.Record(v2);
                r.put("id", "g" + i);
                r.put("amount", 1.5 * i);
                r.put("note", "n" + i);
                platform.send(topic, 0, at("2024-05-02T10:00:00Z"), null, WireFormat.encode(id2, v2, r), Map.of());
            }
            await().atMost(LANDING).untilAsserted(() -> assertThat(glue.operations()).contains("UpdateTable"));
            assertThat(platform.lake.keys("staging/finance/glued/")).hasSize(2);
            assertThat(glue.tables.get("finance_staging.glued").path("StorageDescriptor").path("Columns").findValuesAsText("Name"))
                    .containsExactly("id", "amount", "note");
            assertThat(glue.operations()).containsSubsequence("CreateTable", "UpdateTable").doesNotContain("CreatePartition");
            platform.deleteConnector("glued");
        }
    }

    @Test
    void theWorkersValidateEndpointNamesEachBadProperty() throws Exception {
        Map<String, String> config = platform.connectorConfig("finance.staging.validated", null);
        config.put("name", "validated");
        config.put("schema.registry.basic.auth.user.info", "only-a-secret");
        Path notAFolder = platform.dir.resolve("not-a-folder.txt");
        Files.writeString(notAFolder, "a file");
        config.put("spool.dir", notAFolder.resolve("spool").toString());
        config.put("parquet.codec", "lzo");
        String url = platform.worker.restUrl() + "/connector-plugins/" + S3ParquetSinkConnector.class.getName() + "/config/validate";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode c : answer.path("configs")) {
            List<String> messages = new ArrayList<>();
            c.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(c.path("value").path("name").asText(), messages);
            }
        }
        assertThat(errors).containsOnlyKeys("schema.registry.basic.auth.user.info", "spool.dir", "parquet.codec");
        assertThat(answer.path("error_count").asInt()).isEqualTo(3);
        assertThat(errors.get("schema.registry.basic.auth.user.info")).singleElement().asString().contains("must be user:password")
                .doesNotContain("only-a-secret");
        assertThat(errors.get("spool.dir")).singleElement().asString().contains(notAFolder.toString()).contains("is not a folder");
        assertThat(errors.get("parquet.codec")).singleElement().asString().contains("lzo");
        assertThat(response.body()).doesNotContain("only-a-secret");
    }
}
