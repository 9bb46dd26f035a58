package io.tributary.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.TestValidators;
import io.tributary.processors.batch.BatchReport;

/** Data-quality rules of every action, batch approval, and hostile input, on Kafka Streams' test driver. */
class RulesAndBatchesTopologyTest {
    @TempDir
    java.nio.file.Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> orders;
    private TestOutputTopic<byte[], byte[]> ordersStaging;
    private TestOutputTopic<byte[], byte[]> ordersRejected;
    private TestInputTopic<byte[], byte[]> ledger;
    private TestOutputTopic<byte[], byte[]> ledgerStaging;
    private TestOutputTopic<byte[], byte[]> ledgerRejected;
    private TestOutputTopic<byte[], byte[]> batches;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tributary-shop-validator");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ValidationTopology.build("shop", TestValidators.of(ShopFixtures.zone(), Map.of()),
                new MicrometerValidationMetrics(meters, "shop")), props);
        orders = driver.createInputTopic("shop.landing.orders", new ByteArraySerializer(), new ByteArraySerializer());
        ordersStaging = output("shop.staging.orders");
        ordersRejected = output("shop.rejected.orders");
        ledger = driver.createInputTopic("shop.landing.ledger", new ByteArraySerializer(), new ByteArraySerializer());
        ledgerStaging = output("shop.staging.ledger");
        ledgerRejected = output("shop.rejected.ledger");
        batches = output("_tributary.shop.batches");
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void rejectRulesRejectWithTheRuleAndFieldAndWarnRulesPassWithAHeader() {
        orders.pipeInput(bytes("a"), bytes(ShopFixtures.orderWith("total", "0")));
        orders.pipeInput(bytes("b"), bytes(ShopFixtures.orderWith("delivery_date", "\"2024-04-30\"")));
        orders.pipeInput(bytes("c"), bytes(ShopFixtures.orderWith("customer", "{\"id\": 1, \"email\": \"nobody\"}")));
        orders.pipeInput(bytes("d"), bytes(ShopFixtures.orderWith("items", "[{\"sku\": \"lower-1\", \"quantity\": 500, \"price\": 1}]")));
        orders.pipeInput(bytes("e"), bytes(ShopFixtures.VALID_ORDER));

        List<TestRecord<byte[], byte[]>> rejected = ordersRejected.readRecordsToList();
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.REASON)).containsOnly("RULE_FAILED");
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.RULE))
                .containsExactly("positive_total", "delivery_after_order", "customer_email_shape");
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.FIELD)).containsExactly("total", "", "customer.email");
        assertThat(header(rejected.get(0).headers(), RejectHeaderNames.MESSAGE)).isEqualTo("an order's total is positive");
        assertThat(header(rejected.get(1).headers(), RejectHeaderNames.MESSAGE))
                .startsWith("rule delivery_after_order failed: delivery_date == null");

        List<TestRecord<byte[], byte[]>> staged = ordersStaging.readRecordsToList();
        assertThat(staged).hasSize(2);
        assertThat(header(staged.get(0).headers(), RejectHeaderNames.WARN_RULES)).isEqualTo("known_sku,small_quantities");
        assertThat(staged.get(1).headers().lastHeader(RejectHeaderNames.WARN_RULES)).isNull();
        assertThat(counter(MicrometerValidationMetrics.WARNED, "rule", "known_sku")).isEqualTo(1);
        assertThat(counter(MicrometerValidationMetrics.REJECTED, "reason", "RULE_FAILED")).isEqualTo(3);
        assertThat(counter(MicrometerValidationMetrics.ACCEPTED, null, null)).isEqualTo(2);
    }

    @Test
    void hostileInputIsRejectedWithItsOwnReasonAndNothingIsLost() {
        List<byte[]> values = List.of(
                new byte[2 * 1024 * 1024],
                bytes("{\"order_id\": " + "[".repeat(200) + "]".repeat(200) + "}"),
                bytes(ShopFixtures.orderWith("items", "[{\"sku\": \"A-1\", \"quantity\": 99999999999, \"price\": 1}]")),
                new byte[] {(byte) 0xc3, (byte) 0x28},
                bytes("{\"order_id\": \"x\"")
        );
        for (byte[] value : values) {
            orders.pipeInput(bytes("k"), value);
        }
        orders.pipeInput(bytes("k"), bytes(ShopFixtures.VALID_ORDER));

        List<TestRecord<byte[], byte[]>> rejected = ordersRejected.readRecordsToList();
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.REASON))
                .containsExactly("TOO_LARGE", "TOO_DEEP", "OUT_OF_RANGE", "NOT_UTF8", "NOT_JSON");
        assertThat(rejected.get(0).value()).hasSize(2 * 1024 * 1024);
        assertThat(ordersStaging.readRecordsToList()).hasSize(1);
        assertThat(rejected.size() + 1).as("accepted + rejected = produced").isEqualTo(values.size() + 1);
    }

    @Test
    void aCleanBatchIsPromotedWholeOnlyWhenItEnds() {
        ledger.pipeInput(batchRecord("b-1", null, entry("e-1", "CASH", "10.00", "rent")));
        ledger.pipeInput(batchRecord("b-1", null, entry("e-2", "BANK", "-10.00", null)));
        assertThat(ledgerStaging.isEmpty()).as("held until the batch ends").isTrue();
        ledger.pipeInput(batchRecord("b-1", 3, entry("e-3", "BANK", "5.00", "fee")));

        List<TestRecord<byte[], byte[]>> staged = ledgerStaging.readRecordsToList();
        assertThat(staged).extracting(r -> text(r.key())).containsExactly("e-1", "e-2", "e-3");
        assertThat(staged).extracting(r -> header(r.headers(), RejectHeaderNames.SOURCE_OFFSET)).containsExactly("0", "1", "2");
        assertThat(header(staged.get(1).headers(), RejectHeaderNames.WARN_RULES)).isEqualTo("memo_present");
        assertThat(header(staged.get(0).headers(), RejectHeaderNames.BATCH_ID)).isEqualTo("b-1");
        assertThat(ledgerRejected.isEmpty()).isTrue();
        BatchReport report = BatchReport.fromJson(batches.readRecord().value());
        assertThat(report.outcome()).isEqualTo("PROMOTED");
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.warned()).isEqualTo(1);
        assertThat(counter(MicrometerValidationMetrics.BATCHES, "outcome", "PROMOTED")).isEqualTo(1);
    }

    @Test
    void unkeyedBatchRecordsAsFilesAndHttpBatchesLandThemAreNotLost() {
        TestRecord<byte[], byte[]> first = batchRecord("file-1", null, entry("u-1", "CASH", "3.00", "x"));
        TestRecord<byte[], byte[]> last = batchRecord("file-1", 2, entry("u-2", "CASH", "4.00", "x"));
        ledger.pipeInput(new TestRecord<>(null, first.value(), first.headers()));
        ledger.pipeInput(new TestRecord<>(null, last.value(), last.headers()));

        assertThat(ledgerStaging.readRecordsToList()).extracting(r -> text(r.key())).containsExactly("u-1", "u-2");
        assertThat(BatchReport.fromJson(batches.readRecord().value()).accepted()).isEqualTo(2);
    }

    @Test
    void aBatchWithOneBadRecordIsRejectedWholeWithAReport() {
        ledger.pipeInput(batchRecord("b-2", null, entry("e-1", "CASH", "10.00", "x")));
        ledger.pipeInput(batchRecord("b-2", null, entry("e-2", "CASH", "0.00", "x")));
        ledger.pipeInput(batchRecord("b-2", 3, entry("e-3", "CASH", "1.00", "x")));

        assertThat(ledgerStaging.isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> rejected = ledgerRejected.readRecordsToList();
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.REASON))
                .containsExactly("BATCH_REJECTED", "RULE_FAILED", "BATCH_REJECTED");
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.BATCH_ID)).containsOnly("b-2");
        assertThat(header(rejected.get(0).headers(), RejectHeaderNames.MESSAGE)).contains("batch b-2 of shop.ledger rejected: 1 of 3")
                .contains("balanced_amount");
        assertThat(text(rejected.get(1).value())).contains("\"e-2\"");
        BatchReport report = BatchReport.fromJson(batches.readRecord().value());
        assertThat(report.outcome()).isEqualTo("REJECTED");
        assertThat(report.reason()).isEqualTo("RECORDS_REJECTED");
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.offset()).isEqualTo(1);
            assertThat(f.rule()).isEqualTo("balanced_amount");
            assertThat(f.field()).isEqualTo("amount");
        });
    }

    @Test
    void aFailBatchRuleRejectsTheBatch() {
        ledger.pipeInput(batchRecord("b-3", null, entry("e-1", "SUSPENSE", "10.00", "x")));
        ledger.pipeInput(batchRecord("b-3", 2, entry("e-2", "CASH", "1.00", "x")));
        assertThat(ledgerRejected.readRecordsToList()).extracting(r -> header(r.headers(), RejectHeaderNames.RULE))
                .containsExactly("no_suspense_account", "");
        assertThat(BatchReport.fromJson(batches.readRecord().value()).reason()).isEqualTo("FAIL_BATCH_RULE");
    }

    @Test
    void batchesInterleaveAndABatchThatNeverEndsTimesOut() {
        ledger.pipeInput(batchRecord("slow", null, entry("s-1", "CASH", "1.00", "x")));
        ledger.pipeInput(batchRecord("fast", 1, entry("f-1", "CASH", "1.00", "x")));
        assertThat(ledgerStaging.readRecordsToList()).extracting(r -> text(r.key())).containsExactly("f-1");

        driver.advanceWallClockTime(Duration.ofSeconds(4));

        List<TestRecord<byte[], byte[]>> rejected = ledgerRejected.readRecordsToList();
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.REASON)).containsExactly("BATCH_TIMEOUT");
        assertThat(header(rejected.get(0).headers(), RejectHeaderNames.MESSAGE))
                .isEqualTo("batch slow of shop.ledger did not complete within 3s: 1 records arrived, no end marker (tributary.batch.end)");
        batches.readRecord();
        assertThat(BatchReport.fromJson(batches.readRecord().value()).reason()).isEqualTo("TIMEOUT");
        // Batch records' latency runs to their batch's decision: the one that timed out waited the 3 s timeout.
        var latency = meters.find(MicrometerValidationMetrics.LATENCY).tag("dataset", "ledger").timer();
        assertThat(latency).isNotNull();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(3_000);
    }

    @Test
    void aBatchLargerThanItsLimitIsRejectedAndSoAreRecordsWithoutABatchId() {
        for (int i = 1; i <= 7; i++) {
            ledger.pipeInput(batchRecord("big", i == 7 ? 7 : null, entry("e-" + i, "CASH", "1.00", "x")));
        }
        ledger.pipeInput(bytes("k"), bytes(entry("lonely", "CASH", "1.00", "x")));

        List<TestRecord<byte[], byte[]>> rejected = ledgerRejected.readRecordsToList();
        assertThat(rejected).extracting(r -> header(r.headers(), RejectHeaderNames.REASON)).containsExactly("BATCH_TOO_LARGE",
                "BATCH_TOO_LARGE", "BATCH_TOO_LARGE", "BATCH_TOO_LARGE", "BATCH_TOO_LARGE", "BATCH_TOO_LARGE", "BATCH_TOO_LARGE",
                "MISSING_BATCH_ID");
        assertThat(ledgerStaging.isEmpty()).isTrue();
        assertThat(BatchReport.fromJson(batches.readRecord().value()).reason()).isEqualTo("TOO_LARGE");
    }

    private static TestRecord<byte[], byte[]> batchRecord(String batch, Integer end, String json) {
        Headers headers = new RecordHeaders().add(RejectHeaderNames.BATCH_ID, bytes(batch));
        if (end != null) {
            headers.add(RejectHeaderNames.BATCH_END, bytes(end.toString()));
        }
        return new TestRecord<>(bytes("k-" + json.hashCode()), bytes(json), headers);
    }

    private static String entry(String id, String account, String amount, String memo) {
        return "{\"entry_id\": \"" + id + "\", \"account\": \"" + account + "\", \"amount\": \"" + amount + "\", \"memo\": "
                + (memo == null ? "null" : "\"" + memo + "\"") + "}";
    }

    private double counter(String name, String tag, String value) {
        var search = meters.find(name).tag("dataset", name.endsWith("batches") ? "ledger" : "orders");
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counter() == null ? 0 : search.counter().count();
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : text(header.value());
    }
}
