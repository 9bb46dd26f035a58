package io.tributary.connect.s3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.connect.s3.support.Expenses;
import io.tributary.connect.s3.support.LakePlatform;

/**
 * The sink end to end on real parts: an in-process KRaft broker, S3Proxy, the packaged schema
 * registry as a process, a Connect worker configured over REST, records in the Confluent wire
 * format, and the lake read back over the S3 API and queried with DuckDB.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ParquetSinkIT {
    private static final String TOPIC = "finance.staging.expenses";
    private static final String CONNECTOR = "finance-staging-lake";
    private static final String DLQ = "_tributary.dlq.finance-staging-lake";
    private static final String PREFIX = "staging/finance/expenses/";
    private static final Duration LANDING = Duration.ofSeconds(90);

    static LakePlatform platform;
    static int schemaId;
    /** Every good record produced: id → its generator number and event time. */
    static final Map<String, Map.Entry<Integer, String>> produced = new HashMap<>();

    @BeforeAll
    static void startPlatform() {
        platform = LakePlatform.get();
        platform.createTopic(TOPIC, 2);
        schemaId = platform.register(TOPIC, Expenses.SCHEMA);
    }

    private static void sendGood(int partition, String id, int n, String spentAt) {
        platform.send(TOPIC, partition, Expenses.wire(schemaId, id, n, spentAt));
        produced.put(id, Map.entry(n, spentAt));
    }

    private static Map<String, String> config(int flushSize) {
        Map<String, String> c = platform.connectorConfig(TOPIC, DLQ);
        c.put("flush.size", String.valueOf(flushSize));
        c.put("partition.field", "spent_at");
        c.put("rotate.schedule.interval.ms", "-1");
        c.put("parquet.kafka.columns", "partition,offset");
        return c;
    }

    private static String key(String day, int partition, long offset) {
        return PREFIX + "dt=" + day + "/" + TOPIC + "+" + partition + "+" + String.format("%020d", offset) + ".parquet";
    }

    @Test
    @Order(1)
    void landsEveryRecordOnceWithItsTypesAndCommitsOnlyWhatIsDurable() throws Exception {
        // Partition 0: 30 records of one day. Partition 1: offsets 0..10 on May 2 (offset 5 is not Avro), 11..20 on May 3.
        for (int i = 0; i < 30; i++) {
            sendGood(0, "p0-" + i, i, "2024-05-01T08:00:00Z");
        }
        for (int i = 0; i <= 20; i++) {
            if (i == 5) {
                platform.send(TOPIC, 1, "not avro".getBytes(StandardCharsets.UTF_8));
            } else {
                sendGood(1, "p1-" + i, i, i <= 10 ? "2024-05-02T23:30:00Z" : "2024-05-03T00:30:00Z");
            }
        }
        platform.startConnector(CONNECTOR, config(10));

        List<String> expected = List.of(key("2024-05-01", 0, 0), key("2024-05-01", 0, 10), key("2024-05-01", 0, 20),
                key("2024-05-02", 1, 0), key("2024-05-03", 1, 11));
        await().atMost(LANDING).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(platform.lake.keys(PREFIX)).containsExactlyElementsOf(expected));
        assertThat(platform.rowsPerFile(PREFIX)).containsExactlyInAnyOrderEntriesOf(Map.of(expected.get(0), 10L, expected.get(1), 10L,
                expected.get(2), 10L, expected.get(3), 10L, expected.get(4), 10L));
        assertEveryRecordExactlyOnceWithItsValues();

        ConsumerRecord<byte[], byte[]> dead = platform.read(DLQ, 1).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(LakePlatform.header(dead, "tributary.reject.reason")).isEqualTo("NOT_WIRE_FORMAT");
        assertThat(LakePlatform.header(dead, "tributary.source.offset")).isEqualTo("5");
        assertThat(LakePlatform.header(dead, "tributary.reject.message")).contains("magic byte");
        assertThat(LakePlatform.header(dead, "__connect.errors.exception.message")).contains("topic " + TOPIC + " partition 1 offset 5");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platform.committedOffsets(CONNECTOR, TOPIC)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 30L, 1, 21L)));
        assertThat(platform.lake.keys("_tributary/checkpoints/" + PREFIX)).hasSize(2);
    }

    @Test
    @Order(2)
    void resumesFromTheLakeWhenKafkaOffsetsAreLostAndFilesAreCutDifferently() throws Exception {
        // A sink that trusted Kafka offsets or file names would rewrite offsets 0..29 as files of 7 and duplicate them.
        platform.rest.stop(CONNECTOR);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "STOPPED".equals(platform.rest.status(CONNECTOR).path("connector").path("state").asText()));
        platform.rest.resetOffsets(CONNECTOR);
        platform.rest.putConnectorConfig(CONNECTOR, config(7));
        for (int i = 30; i < 44; i++) {
            sendGood(0, "p0-" + i, i, "2024-05-01T09:00:00Z");
        }
        platform.rest.resume(CONNECTOR);

        await().atMost(LANDING).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(platform.lake.keys(PREFIX + "dt=2024-05-01/")).containsExactly(key("2024-05-01", 0, 0),
                        key("2024-05-01", 0, 10), key("2024-05-01", 0, 20), key("2024-05-01", 0, 30), key("2024-05-01", 0, 37)));
        Map<String, Long> perFile = platform.rowsPerFile(PREFIX);
        assertThat(perFile.get(key("2024-05-01", 0, 30))).isEqualTo(7L);
        assertThat(perFile.get(key("2024-05-01", 0, 37))).isEqualTo(7L);
        assertThat(perFile.get(key("2024-05-01", 0, 0))).isEqualTo(10L);
        assertEveryRecordExactlyOnceWithItsValues();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platform.committedOffsets(CONNECTOR, TOPIC)).containsEntry(0, 44L).containsEntry(1, 21L));
    }

    @Test
    @Order(3)
    void restartsMidFileWithoutLosingOrDuplicatingTheOpenRecords() throws Exception {
        // 5 records wait in an open file of partition 0 when every task restarts.
        for (int i = 44; i < 49; i++) {
            sendGood(0, "p0-" + i, i, "2024-05-01T10:00:00Z");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(LakePlatform.metric(platform.metrics(), "open_files", CONNECTOR)).isEqualTo(1));
        assertThat(platform.lake.keys(PREFIX + "dt=2024-05-01/")).hasSize(5);
        platform.rest.restart(CONNECTOR);
        for (int i = 49; i < 51; i++) {
            sendGood(0, "p0-" + i, i, "2024-05-01T10:00:00Z");
        }
        await().atMost(LANDING).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(platform.lake.keys(PREFIX + "dt=2024-05-01/")).contains(key("2024-05-01", 0, 44)));
        assertThat(platform.rowsPerFile(PREFIX).get(key("2024-05-01", 0, 44))).isEqualTo(7L);
        assertEveryRecordExactlyOnceWithItsValues();
        platform.deleteConnector(CONNECTOR);
    }

    @Test
    @Order(4)
    void failsTheTaskNamingTheRecordWhenThereIsNoDeadLetterQueue() {
        String topic = "finance.staging.invoices";
        platform.createTopic(topic, 1);
        platform.send(topic, 0, new byte[] {1, 2, 3});
        Map<String, String> config = platform.connectorConfig(topic, null);
        platform.rest.putConnectorConfig("finance-invoices-lake", config);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "FAILED".equals(platform.rest.taskState("finance-invoices-lake", 0)));
        JsonNode task = platform.rest.status("finance-invoices-lake").path("tasks").get(0);
        assertThat(task.path("trace").asText()).contains("topic " + topic + " partition 0 offset 0")
                .contains("NOT_WIRE_FORMAT").contains("errors.deadletterqueue.topic.name");
        assertThat(platform.lake.keys("staging/finance/invoices/")).isEmpty();
        platform.deleteConnector("finance-invoices-lake");
    }

    @Test
    @Order(5)
    void toleratingErrorsWithoutADeadLetterTopicStillFailsTheTaskNamingTheRecord() {
        // errors.tolerance=all alone would drop bad records silently; the sink refuses to lose them.
        String topic = "finance.staging.receipts";
        String connector = "finance-receipts-lake";
        platform.createTopic(topic, 1);
        platform.send(topic, 0, Expenses.wire(schemaId, "r0", 0, "2024-05-01T08:00:00Z"));
        platform.send(topic, 0, "not avro either".getBytes(StandardCharsets.UTF_8));
        platform.send(topic, 0, Expenses.wire(schemaId, "r2", 2, "2024-05-01T08:00:00Z"));
        Map<String, String> config = platform.connectorConfig(topic, null);
        config.put("errors.tolerance", "all");
        config.put("flush.size", "1");
        platform.rest.putConnectorConfig(connector, config);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "FAILED".equals(platform.rest.taskState(connector, 0)));
        JsonNode task = platform.rest.status(connector).path("tasks").get(0);
        assertThat(task.path("trace").asText()).contains("topic " + topic + " partition 0 offset 1").contains("NOT_WIRE_FORMAT")
                .contains("errors.deadletterqueue.topic.name");
        assertThat(platform.committedOffsets(connector, topic).getOrDefault(0, 0L)).as("nothing after the bad record is committed")
                .isLessThanOrEqualTo(1L);
        assertThat(platform.lake.keys("staging/finance/receipts/")).as("the record after it is not landed either")
                .noneMatch(k -> k.endsWith("+00000000000000000002.parquet"));
        platform.deleteConnector(connector);
    }

    @Test
    void theSharedBrokerIsSecured() {
        // The ITs must run against SASL/SCRAM and ACLs, as the platform does: a fall-back to an open broker fails here.
        assertThat(platform.kafka.listTopicsWithWrongPassword()).isInstanceOf(SaslAuthenticationException.class);
    }

    /** Every good record produced is in the lake once, with its values and types; nothing else is. */
    private static void assertEveryRecordExactlyOnceWithItsValues() throws Exception {
        List<Map<String, Object>> rows = platform.query(PREFIX, "SELECT id, CAST(amount AS VARCHAR) AS amount, typeof(amount) AS dec,"
                + " currency, note, epoch_ms(spent_at) AS spent_ms, CAST(booked_on AS VARCHAR) AS booked, merchant.name AS shop,"
                + " merchant.city AS city, tags, kafka_partition, kafka_offset FROM {lake}");
        assertThat(rows).extracting(r -> r.get("id").toString()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(produced.keySet());
        for (Map<String, Object> row : rows) {
            Map.Entry<Integer, String> source = produced.get(row.get("id").toString());
            int n = source.getKey();
            Instant at = Instant.parse(source.getValue());
            assertThat(new BigDecimal(row.get("amount").toString())).isEqualTo(Expenses.amount(n));
            assertThat(row.get("dec")).isEqualTo("DECIMAL(12,2)");
            assertThat(row.get("currency")).isEqualTo("EUR");
            assertThat(row.get("note")).isEqualTo(Expenses.note(n));
            assertThat(((Number) row.get("spent_ms")).longValue()).isEqualTo(at.toEpochMilli());
            assertThat(row.get("booked")).isEqualTo(LocalDate.ofInstant(at, ZoneOffset.UTC).toString());
            assertThat(row.get("shop")).isEqualTo("shop " + n % 5);
            assertThat(row.get("city")).isEqualTo(Expenses.city(n));
            assertThat(row.get("tags").toString()).contains("t" + n % 2).contains("all");
            String id = row.get("id").toString();
            assertThat(((Number) row.get("kafka_partition")).intValue()).isEqualTo(id.startsWith("p0-") ? 0 : 1);
        }
        assertThat(rows).filteredOn(r -> r.get("id").toString().startsWith("p0-"))
                .allSatisfy(r -> assertThat(r.get("id")).isEqualTo("p0-" + r.get("kafka_offset")));
    }
}
