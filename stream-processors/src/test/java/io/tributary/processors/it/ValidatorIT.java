package io.tributary.processors.it;

import static io.tributary.processors.it.Cluster.bytes;
import static io.tributary.processors.it.Cluster.header;
import static io.tributary.processors.it.Cluster.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.local.RegistryProcess;
import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.batch.BatchReport;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.WireFormat;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.DesiredZone;
import io.tributary.topics.StageTopicPolicy;
import io.tributary.topics.TopicSpec;

/**
 * The packaged validator against a real broker, secured (SASL/SCRAM, ACLs), and the real schema
 * registry (both as the local platform runs them; every client logs in as the platform): every
 * landing format, batches, metrics, schema evolution while running, replay without duplicates, and
 * a kill -9 mid-stream that loses and duplicates nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidatorIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATASETS = List.of("orders", "payments", "refunds", "events", "ledger");
    /** The zone's own batch report topic (a platform topic: zones apply creates it). */
    private static final String BATCHES = "_tributary.shop.batches";

    @TempDir
    static Path dataDir;
    private static SecuredBroker broker;
    private static RegistryProcess registryProcess;
    private static HttpSchemaRegistry registry;
    private static Cluster cluster;
    private static ValidatorProcess validator;

    @BeforeAll
    static void start() throws Exception {
        broker = SecuredBroker.start(dataDir);
        registryProcess = broker.startRegistry(ValidatorProcess.appDir().getParent());
        registry = new HttpSchemaRegistry(registryProcess.url());
        cluster = new Cluster(broker.client());
        validator = launch("first");
        assertThat(validator.awaitHealth(503).body()).contains("missing_topics").contains("shop.landing.orders");
        // The topics as `tributary zones apply` makes them: ledger's three partitions, landing's and rejected's record size limits.
        List<TopicSpec> topics = DesiredZone.of(ShopFixtures.zone(), StageTopicPolicy.defaults(ClusterProfile.singleNode())).topics();
        assertThat(topics).extracting(TopicSpec::name).contains("shop.landing.ledger", "shop.rejected.events").hasSize(DATASETS.size() * 3);
        cluster.createTopics(topics);
        // The batch report topic is the platform's (zones apply creates it): the validator waits for it, never creates it.
        assertThat(validator.awaitHealth(503).body()).contains(BATCHES);
        cluster.createPlatformTopics("shop");
        validator.awaitHealth(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (validator != null) {
            validator.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (registryProcess != null) {
            registryProcess.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static ValidatorProcess launch(String name) throws Exception {
        return ValidatorProcess.launch(name, ShopFixtures.descriptorPath(), broker.bootstrapServers(), registryProcess.url(),
                dataDir.resolve("streams"), broker.validatorSettings(name));
    }

    @Test
    @Order(1)
    void eachLandingFormatWithValidAndInvalidSamples() throws Exception {
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k1"), bytes(ShopFixtures.VALID_ORDER)));
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k2"), bytes("{\"order_id\": ")));
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k3"), bytes(ShopFixtures.orderWith("total", "-1"))));

        org.apache.kafka.common.header.Headers csvHeader = new RecordHeaders().add(RejectHeaderNames.CSV_HEADER,
                bytes("refund_id;amount;approved;reason;refunded_at;note;customer.id;customer.city;tags"));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r1"),
                bytes("r-1;12.50;yes;late;2024-05-01T12:00:00;\"sorry; really\";7;Ghent;[]"), csvHeader));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r2"), bytes("r-2;1;yes"), csvHeader));

        Schema writer = new Schema.Parser().parse("""
                {"type":"record","name":"AppEvent","fields":[{"name":"event_id","type":"string"},
                 {"name":"kind","type":"string"},{"name":"count","type":"int"},
                 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        int writerId = registry.register("shop-app-events-value", writer);
        GenericData.Record event = new GenericData.Record(writer);
        event.put("event_id", "e-1");
        event.put("kind", "BUY");
        event.put("count", 2);
        event.put("at", 1_714_557_600_000L);
        byte[] wire = WireFormat.encode(writerId, writer, event);
        cluster.send(new ProducerRecord<>("shop.landing.events", bytes("e1"), wire));
        cluster.send(new ProducerRecord<>("shop.landing.events", bytes("e2"), WireFormat.encode(987_654, writer, event)));
        byte[] badMagic = wire.clone();
        badMagic[0] = 7;
        cluster.send(new ProducerRecord<>("shop.landing.events", bytes("e3"), badMagic));

        List<ConsumerRecord<byte[], byte[]>> orders = cluster.readExactly("shop.staging.orders", 1);
        assertThat(text(orders.get(0).key())).isEqualTo("o-1001");
        assertThat(WireFormat.schemaId(orders.get(0).value())).isEqualTo(registry.latest("shop.staging.orders-value").orElseThrow().id());
        List<ConsumerRecord<byte[], byte[]>> rejectedOrders = cluster.readExactly("shop.rejected.orders", 2);
        assertThat(rejectedOrders).extracting(r -> header(r, RejectHeaderNames.REASON)).containsExactly("NOT_JSON", "RULE_FAILED");
        assertThat(rejectedOrders.get(1)).satisfies(r -> {
            assertThat(header(r, RejectHeaderNames.RULE)).isEqualTo("positive_total");
            assertThat(header(r, RejectHeaderNames.FIELD)).isEqualTo("total");
            assertThat(header(r, RejectHeaderNames.MESSAGE)).isEqualTo("an order's total is positive");
            assertThat(header(r, RejectHeaderNames.SOURCE_TOPIC)).isEqualTo("shop.landing.orders");
            assertThat(header(r, RejectHeaderNames.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(r, RejectHeaderNames.SOURCE_OFFSET)).isEqualTo("2");
            assertThat(text(r.key())).isEqualTo("k3");
        });
        assertThat(header(rejectedOrders.get(0), RejectHeaderNames.RULE)).as("no rule for a parse failure").isEmpty();
        assertThat(header(rejectedOrders.get(0), RejectHeaderNames.MESSAGE)).isNotBlank();
        assertThat(header(rejectedOrders.get(0), RejectHeaderNames.SOURCE_OFFSET)).isEqualTo("1");

        GenericRecord refund = decode(cluster.readExactly("shop.staging.refunds", 1).get(0), "shop.staging.refunds-value");
        assertThat(refund.get("reason").toString()).isEqualTo("LATE");
        assertThat(refund.get("note").toString()).isEqualTo("sorry; really");
        assertThat(cluster.readExactly("shop.rejected.refunds", 1)).extracting(r -> header(r, RejectHeaderNames.REASON))
                .containsExactly("COLUMN_COUNT");

        GenericRecord staged = decode(cluster.readExactly("shop.staging.events", 1).get(0), "shop.staging.events-value");
        assertThat(staged.get("count")).isEqualTo(2L);
        assertThat(staged.get("kind").toString()).isEqualTo("BUY");
        List<ConsumerRecord<byte[], byte[]>> badEvents = cluster.readExactly("shop.rejected.events", 2);
        assertThat(badEvents).extracting(r -> header(r, RejectHeaderNames.REASON)).containsExactly("UNKNOWN_SCHEMA_ID", "BAD_MAGIC_BYTE");
        assertThat(badEvents.get(1).value()).isEqualTo(badMagic);
    }

    @Test
    @Order(2)
    void rulesOfAValueFromAListALengthAndARequiredFieldRejectWithTheirNames() {
        org.apache.kafka.common.header.Headers csvHeader = new RecordHeaders().add(RejectHeaderNames.CSV_HEADER,
                bytes("refund_id;amount;reason;refunded_at;note"));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r3"),
                bytes("r-3;5;OTHER;2024-05-01T12:00:00;changed my mind"), csvHeader));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r4"),
                bytes("r-0123456789abc;5;LATE;2024-05-01T12:00:00;late"), csvHeader));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r5"),
                bytes("r-5;5;DAMAGED;2024-05-01T12:00:00;NULL"), csvHeader));
        cluster.send(new ProducerRecord<>("shop.landing.refunds", null, null, bytes("r6"),
                bytes("r-6;5;DAMAGED;2024-05-01T12:00:00;broken"), csvHeader));

        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.readExactly("shop.rejected.refunds", 4).subList(1, 4);
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.REASON)).containsOnly("RULE_FAILED");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.RULE))
                .containsExactly("refundable_reason", "short_refund_id", "note_present");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.FIELD)).containsExactly("reason", "refund_id", "note");
        assertThat(header(rejected.get(0), RejectHeaderNames.MESSAGE)).isEqualTo("only damaged or late orders are refunded");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.SOURCE_OFFSET)).containsExactly("2", "3", "4");
        assertThat(cluster.readExactly("shop.staging.refunds", 2)).extracting(r -> text(r.key())).containsExactly("r-1", "r-6");
    }

    @Test
    @Order(3)
    void aCleanBatchIsPromotedWholeAndABatchWithOneBadRecordIsRejectedWhole() {
        sendEntry("good", 0, null, "g-1", "10.00");
        sendEntry("good", 0, 2, "g-2", "-10.00");
        sendEntry("bad", 0, null, "b-1", "10.00");
        sendEntry("bad", 0, null, "b-2", "0.00");
        sendEntry("bad", 0, 3, "b-3", "5.00");

        List<ConsumerRecord<byte[], byte[]>> staged = cluster.readExactly("shop.staging.ledger", 2);
        assertThat(staged).extracting(r -> text(r.key())).containsExactly("g-1", "g-2");
        assertThat(staged).extracting(r -> header(r, RejectHeaderNames.WARN_RULES)).as("memo is null: a warn rule").containsOnly("memo_present");
        assertThat(staged).extracting(r -> header(r, RejectHeaderNames.BATCH_ID)).containsOnly("good");
        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.readExactly("shop.rejected.ledger", 3);
        assertThat(rejected).extracting(r -> text(r.key())).containsExactly("b-1", "b-2", "b-3");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.REASON))
                .containsExactly("BATCH_REJECTED", "RULE_FAILED", "BATCH_REJECTED");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.BATCH_ID)).containsOnly("bad");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.RULE)).containsExactly("", "balanced_amount", "");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.SOURCE_TOPIC)).containsOnly("shop.landing.ledger");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.SOURCE_PARTITION)).containsOnly("0");
        assertThat(header(rejected.get(0), RejectHeaderNames.MESSAGE)).startsWith("batch bad of shop.ledger rejected: 1 of 3 records failed");
        Map<String, BatchReport> reports = cluster.readAll(BATCHES, 2, Duration.ofSeconds(30)).stream()
                .map(r -> BatchReport.fromJson(r.value())).collect(Collectors.toMap(BatchReport::batchId, r -> r));
        assertThat(reports.get("good").outcome()).isEqualTo("PROMOTED");
        assertThat(reports.get("bad").outcome()).isEqualTo("REJECTED");
        assertThat(reports.get("bad").failures()).extracting(BatchReport.Failure::rule).containsExactly("balanced_amount");
    }

    @Test
    @Order(4)
    void metricsCountAcceptedRejectedWarnedBatchesAndLatency() throws Exception {
        String metrics = validator.get("/q/metrics").body();
        assertThat(metrics).containsPattern("tributary_validator_records_accepted_total\\{dataset=\"orders\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern(
                "tributary_validator_records_rejected_total\\{dataset=\"orders\",reason=\"RULE_FAILED\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern(
                "tributary_validator_batches_total\\{dataset=\"ledger\",outcome=\"REJECTED\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern("tributary_validator_latency_seconds\\{dataset=\"orders\",zone=\"shop\",quantile=\"0.99\"}");
        assertThat(metrics).containsPattern("tributary_validator_records_warned_total\\{dataset=\"ledger\",rule=\"memo_present\"");
        // Batch records too: from landing to their batch's decision (two promoted, three rejected so far).
        assertThat(metrics).containsPattern("tributary_validator_latency_seconds_count\\{dataset=\"ledger\",zone=\"shop\"} 5\\.0");
        assertThat(metrics).containsPattern("tributary_validator_latency_seconds\\{dataset=\"ledger\",zone=\"shop\",quantile=\"0.99\"}");
    }

    @Test
    @Order(5)
    void aFailBatchRuleRejectsTheBatchWholeAndABatchWithoutEndTimesOut() {
        sendEntry("unended", 1, null, "u-1", "CASH", "1.00");
        sendEntry("suspense", 0, null, "s-1", "SUSPENSE", "10.00");
        sendEntry("suspense", 0, 2, "s-2", "CASH", "-10.00");

        List<ConsumerRecord<byte[], byte[]>> suspense = cluster.awaitMatching("shop.rejected.ledger", ofBatch("suspense"), 2);
        assertThat(suspense).extracting(r -> header(r, RejectHeaderNames.REASON)).containsExactly("RULE_FAILED", "BATCH_REJECTED");
        assertThat(suspense).extracting(r -> header(r, RejectHeaderNames.RULE)).containsExactly("no_suspense_account", "");
        assertThat(suspense).extracting(r -> header(r, RejectHeaderNames.FIELD)).containsExactly("account", "");
        assertThat(header(suspense.get(1), RejectHeaderNames.MESSAGE)).contains("a fail-batch rule failed");
        BatchReport suspenseReport = awaitReport("suspense");
        assertThat(suspenseReport.outcome()).isEqualTo("REJECTED");
        assertThat(suspenseReport.reason()).isEqualTo("FAIL_BATCH_RULE");

        // No end marker: rejected once the batch's timeout (3 s) has passed.
        List<ConsumerRecord<byte[], byte[]>> unended = cluster.awaitMatching("shop.rejected.ledger", ofBatch("unended"), 1);
        assertThat(header(unended.get(0), RejectHeaderNames.REASON)).isEqualTo("BATCH_TIMEOUT");
        assertThat(header(unended.get(0), RejectHeaderNames.SOURCE_PARTITION)).isEqualTo("1");
        assertThat(header(unended.get(0), RejectHeaderNames.MESSAGE)).contains("did not complete within 3s").contains("no end marker");
        BatchReport timedOut = awaitReport("unended");
        assertThat(timedOut.outcome()).isEqualTo("REJECTED");
        assertThat(timedOut.reason()).isEqualTo("TIMEOUT");
        assertThat(timedOut.expectedRecords()).isEqualTo(-1);
        assertThat(cluster.readToEnd("shop.staging.ledger")).noneMatch(r -> header(r, RejectHeaderNames.BATCH_ID).matches("suspense|unended"));
    }

    @Test
    @Order(6)
    void aBatchSpreadOverTheLandingPartitionsMeetsAgainAndIsDecidedWhole() {
        // The end marker first, on another partition than the records it counts.
        sendEntry("spread", 1, 3, "sp-2", "CASH", "2.00");
        sendEntry("spread", 0, null, "sp-1", "CASH", "1.00");
        sendEntry("spread", 2, null, "sp-3", "BANK", "-3.00");
        sendEntry("spread-bad", 2, null, "sb-1", "CASH", "1.00");
        sendEntry("spread-bad", 0, null, "sb-2", "CASH", "0.00");
        sendEntry("spread-bad", 1, 3, "sb-3", "CASH", "2.00");

        List<ConsumerRecord<byte[], byte[]>> staged = cluster.awaitMatching("shop.staging.ledger", ofBatch("spread"), 3);
        assertThat(staged).extracting(r -> text(r.key())).containsExactlyInAnyOrder("sp-1", "sp-2", "sp-3");
        assertThat(staged).extracting(r -> header(r, RejectHeaderNames.SOURCE_PARTITION)).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(awaitReport("spread").outcome()).isEqualTo("PROMOTED");
        assertThat(cluster.readToEnd("shop.rejected.ledger")).noneMatch(ofBatch("spread"));

        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.awaitMatching("shop.rejected.ledger", ofBatch("spread-bad"), 3);
        assertThat(rejected).extracting(r -> text(r.key())).containsExactlyInAnyOrder("sb-1", "sb-2", "sb-3");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.SOURCE_PARTITION)).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(rejected).filteredOn(r -> text(r.key()).equals("sb-2")).extracting(r -> header(r, RejectHeaderNames.RULE))
                .containsExactly("balanced_amount");
        BatchReport report = awaitReport("spread-bad");
        assertThat(report.outcome()).isEqualTo("REJECTED");
        assertThat(report.records()).isEqualTo(3);
        assertThat(cluster.readToEnd("shop.staging.ledger")).noneMatch(ofBatch("spread-bad"));
    }

    @Test
    @Order(7)
    void aNewCompatibleSchemaVersionAppliesWithoutRestartAndAnIncompatibleOneIsRefused() throws Exception {
        int v1 = schemaIdInUse("orders");
        Schema v2 = ordersSchemaWith(false);
        int v2Id = registry.register("shop.staging.orders-value", v2);
        awaitSchemaIdInUse("orders", v2Id);
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k4"), bytes(ShopFixtures.orderWith("coupon", "\"SPRING\""))));
        List<ConsumerRecord<byte[], byte[]>> staged = cluster.readExactly("shop.staging.orders", 2);
        assertThat(WireFormat.schemaId(staged.get(1).value())).isEqualTo(v2Id).isNotEqualTo(v1);
        assertThat(((GenericRecord) WireFormat.decode(staged.get(1).value(), v2)).get("coupon").toString()).isEqualTo("SPRING");

        // A new required field without a default: v2 data cannot be read with it (not backward compatible).
        Schema incompatible = new Schema.Parser().parse(v2.toString().replace("{\"name\":\"coupon\"",
                "{\"name\":\"channel\",\"type\":\"string\"},{\"name\":\"coupon\""));
        assertThat(incompatible.getField("channel")).isNotNull();
        assertThatThrownBy(() -> registry.register("shop.staging.orders-value", incompatible))
                .isInstanceOf(RegistryException.class).satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(409));
        Thread.sleep(1_500);
        assertThat(schemaIdInUse("orders")).isEqualTo(v2Id);
    }

    @Test
    @Order(8)
    void replayRevalidatesAfterAContractFixWithoutDuplicatingStaging() throws Exception {
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k5"), bytes(ShopFixtures.orderWith("status", "\"CANCELLED\""))));
        assertThat(cluster.readExactly("shop.rejected.orders", 3).get(2)).satisfies(r -> {
            assertThat(header(r, RejectHeaderNames.REASON)).isEqualTo("BAD_VALUE");
            assertThat(header(r, RejectHeaderNames.FIELD)).isEqualTo("status");
        });
        int v3 = registry.register("shop.staging.orders-value", ordersSchemaWith(true));
        awaitSchemaIdInUse("orders", v3);
        awaitCommitted();

        JsonNode report = JSON.readTree(replay("orders", "0"));
        assertThat(report.get("scanned").asLong()).isEqualTo(5);
        assertThat(report.get("alreadyStaged").asLong()).isEqualTo(2);
        assertThat(report.get("accepted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        List<ConsumerRecord<byte[], byte[]>> staged = cluster.readExactly("shop.staging.orders", 3);
        assertThat(staged).extracting(r -> header(r, RejectHeaderNames.SOURCE_OFFSET)).containsExactly("0", "3", "4");
        assertThat(header(staged.get(2), RejectHeaderNames.REPLAY_ID)).isEqualTo(report.get("replayId").asText());

        JsonNode again = JSON.readTree(replay("orders", "0"));
        assertThat(again.get("accepted").asLong()).as("idempotent by source offset").isZero();
        assertThat(again.get("alreadyStaged").asLong()).isEqualTo(3);
        assertThat(cluster.readAll("shop.staging.orders", 4, Duration.ofSeconds(3))).hasSize(3);
        assertThat(validator.post("/replays", "{\"dataset\":\"nope\",\"from\":\"0\"}").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(9)
    void replayFromATimeStartsAtTheFirstRecordAtOrAfterIt() throws Exception {
        Instant from = Instant.now();
        Thread.sleep(20);
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k6"), bytes(ShopFixtures.orderWith("status", "\"RETURNED\""))));
        // Two rejects of the first test, one of the replay test, and the two of each of its replays that failed again.
        assertThat(cluster.readExactly("shop.rejected.orders", 8).get(7)).satisfies(r -> {
            assertThat(header(r, RejectHeaderNames.REASON)).isEqualTo("BAD_VALUE");
            assertThat(header(r, RejectHeaderNames.SOURCE_OFFSET)).isEqualTo("5");
        });
        String withReturned = ordersSchemaWith(true).toString().replace("\"CANCELLED\"]", "\"CANCELLED\",\"RETURNED\"]");
        int v4 = registry.register("shop.staging.orders-value", new Schema.Parser().parse(withReturned));
        awaitSchemaIdInUse("orders", v4);
        awaitCommitted();

        JsonNode report = JSON.readTree(replay("orders", from.toString()));
        assertThat(report.get("partitions").get(0).get("from").asLong()).as("first offset at or after " + from).isEqualTo(5);
        assertThat(report.get("scanned").asLong()).isEqualTo(1);
        assertThat(report.get("accepted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).as("the earlier rejects lie before the time").isZero();
        JsonNode again = JSON.readTree(replay("orders", from.toString()));
        assertThat(again.get("alreadyStaged").asLong()).isEqualTo(1);
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(cluster.readAll("shop.staging.orders", 5, Duration.ofSeconds(3)))
                .extracting(r -> header(r, RejectHeaderNames.SOURCE_OFFSET)).containsExactly("0", "3", "4", "5");
    }

    @Test
    @Order(10)
    void replayOfABatchDatasetPromotesAFixedBatchWholeOnceAndNothingElse() throws Exception {
        String withoutAccount = "{\"entry_id\": \"f-2\", \"amount\": \"-4.00\", \"memo\": \"x\"}";
        sendEntry("fixable", 2, null, "f-1", "CASH", "4.00");
        cluster.send(new ProducerRecord<>("shop.landing.ledger", 0, bytes("f-2"), bytes(withoutAccount),
                new RecordHeaders().add(RejectHeaderNames.BATCH_ID, bytes("fixable")).add(RejectHeaderNames.BATCH_END, bytes("2"))));
        assertThat(cluster.awaitMatching("shop.rejected.ledger", ofBatch("fixable"), 2))
                .extracting(r -> header(r, RejectHeaderNames.REASON)).containsExactlyInAnyOrder("BATCH_REJECTED", "MISSING_FIELD");
        assertThat(awaitReport("fixable").outcome()).isEqualTo("REJECTED");

        // The fix: account gets a default (backward compatible), so the entry without it now passes.
        Schema ledgerV2 = new Schema.Parser().parse(ShopFixtures.dataset("ledger").schema().toString()
                .replace("{\"name\":\"account\",\"type\":\"string\"}", "{\"name\":\"account\",\"type\":\"string\",\"default\":\"CASH\"}"));
        assertThat(ledgerV2.getField("account").hasDefaultValue()).isTrue();
        int v2 = registry.register("shop.staging.ledger-value", ledgerV2);
        awaitSchemaIdInUse("ledger", v2);
        awaitCommitted();
        int stagedBefore = cluster.readToEnd("shop.staging.ledger").size();

        JsonNode report = JSON.readTree(replay("ledger", "0"));
        assertThat(report.get("batchesPromoted").asLong()).isEqualTo(1);
        assertThat(report.get("batchesRejected").asLong()).as("bad, suspense and spread-bad fail again").isEqualTo(3);
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        List<ConsumerRecord<byte[], byte[]>> fixed = cluster.awaitMatching("shop.staging.ledger", ofBatch("fixable"), 2);
        assertThat(fixed).extracting(r -> text(r.key())).containsExactlyInAnyOrder("f-1", "f-2");
        assertThat(fixed).extracting(r -> header(r, RejectHeaderNames.REPLAY_ID)).containsOnly(report.get("replayId").asText());
        assertThat(awaitReport("fixable").outcome()).as("the latest report of the batch").isEqualTo("PROMOTED");

        JsonNode again = JSON.readTree(replay("ledger", "0"));
        assertThat(again.get("batchesPromoted").asLong()).as("a promoted batch is not replayed").isZero();
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(cluster.readToEnd("shop.staging.ledger")).hasSize(stagedBefore + 2);
    }

    @Test
    @Order(11)
    void aRecordAboveTheValidatorsLimitLandsAndIsRejectedTooLargeWithItsBytes() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(huge);
        cluster.send(new ProducerRecord<>("shop.landing.events", bytes("huge"), huge));
        byte[] hugeEntry = bytes("{\"entry_id\": \"h-1\", \"account\": \"CASH\", \"amount\": \"1.00\", \"memo\": \""
                + "m".repeat(2 * 1024 * 1024) + "\"}");
        cluster.send(new ProducerRecord<>("shop.landing.ledger", 1, bytes("h-1"), hugeEntry,
                new RecordHeaders().add(RejectHeaderNames.BATCH_ID, bytes("huge")).add(RejectHeaderNames.BATCH_END, bytes("1"))));

        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.awaitMatching("shop.rejected.events", r -> "huge".equals(text(r.key())), 1);
        assertThat(header(rejected.get(0), RejectHeaderNames.REASON)).isEqualTo("TOO_LARGE");
        assertThat(header(rejected.get(0), RejectHeaderNames.MESSAGE)).contains(Integer.toString(huge.length)).contains("1048576");
        assertThat(rejected.get(0).value()).as("the original bytes, whole").isEqualTo(huge);
        // Batch mode: through the repartition topic and the batch store, then rejected whole.
        List<ConsumerRecord<byte[], byte[]>> hugeBatch = cluster.awaitMatching("shop.rejected.ledger", ofBatch("huge"), 1);
        assertThat(header(hugeBatch.get(0), RejectHeaderNames.REASON)).isEqualTo("TOO_LARGE");
        assertThat(hugeBatch.get(0).value()).isEqualTo(hugeEntry);
        assertThat(awaitReport("huge").outcome()).isEqualTo("REJECTED");

        // The validator goes on.
        cluster.send(new ProducerRecord<>("shop.landing.orders", bytes("k7"), bytes(ShopFixtures.VALID_ORDER)));
        cluster.readExactly("shop.staging.orders", 5);
        assertThat(validator.get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(12)
    void aValidatorKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
        int before = cluster.readAll("shop.landing.payments", 0, Duration.ofSeconds(1)).size();
        int count = 1_500;
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                String value = i % 10 == 7 ? "{\"payment_id\": \"p-" + i + "\"}"
                        : "{\"payment_id\": \"p-" + i + "\", \"order_id\": \"o-" + i + "\", \"amount\": \"" + i + ".25\","
                                + " \"paid_at\": \"2024-05-01T10:16:00Z\"}";
                cluster.sendAsync(new ProducerRecord<>("shop.landing.payments", bytes("p-" + i), bytes(value)));
                if (i % 50 == 49) {
                    // About 250 records a second: the validator is killed while records still arrive.
                    cluster.flush();
                    sleep(200);
                }
            }
            cluster.flush();
            sending.set(false);
        });
        producer.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cluster.readAll("shop.staging.payments", 200, Duration.ofMillis(500)).size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int stagedAtKill = cluster.readAll("shop.staging.payments", 1_000_000, Duration.ofSeconds(1)).size();
        phase("killing the validator after about " + stagedAtKill + " staged");
        assertThat(sending.get()).as("still producing when the validator is killed").isTrue();
        validator.kill();
        validator = launch("restarted");
        producer.join();
        assertThat(sending.get()).isFalse();
        phase("all produced; restarted validator launched");

        List<ConsumerRecord<byte[], byte[]>> staged = cluster.readAll("shop.staging.payments", count - count / 10, Duration.ofSeconds(180));
        phase("read " + staged.size() + " staged");
        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.readAll("shop.rejected.payments", count / 10, Duration.ofSeconds(60));
        phase("read " + rejected.size() + " rejected");
        Map<Long, String> outcome = new HashMap<>();
        Set<Long> duplicates = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : staged) {
            long offset = Long.parseLong(header(r, RejectHeaderNames.SOURCE_OFFSET));
            GenericRecord payment = (GenericRecord) WireFormat.decode(r.value(), ShopFixtures.dataset("payments").schema());
            assertThat(payment.get("payment_id").toString()).isEqualTo(text(r.key()));
            if (outcome.put(offset, "staged " + text(r.key())) != null) {
                duplicates.add(offset);
            }
        }
        for (ConsumerRecord<byte[], byte[]> r : rejected) {
            long offset = Long.parseLong(header(r, RejectHeaderNames.SOURCE_OFFSET));
            assertThat(header(r, RejectHeaderNames.REASON)).isEqualTo("MISSING_FIELD");
            if (outcome.put(offset, "rejected " + text(r.key())) != null) {
                duplicates.add(offset);
            }
        }
        assertThat(duplicates).as("landing offsets written twice").isEmpty();
        assertThat(outcome).as("accepted + rejected = produced").hasSize(before + count);
        assertThat(staged).hasSize(count - count / 10);
        assertThat(rejected).hasSize(count / 10);
        for (long offset = before; offset < before + count; offset++) {
            int i = (int) (offset - before);
            assertThat(outcome.get(offset)).isEqualTo((i % 10 == 7 ? "rejected " : "staged ") + "p-" + i);
        }
    }

    private static final long STARTED = System.nanoTime();

    /** Progress of the long test on the console (the failsafe report's output), with seconds since the class started. */
    private static void phase(String what) {
        System.out.printf("%7.1f s  %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    private static void sendEntry(String batch, int partition, Integer end, String id, String amount) {
        sendEntry(batch, partition, end, id, "CASH", amount);
    }

    private static void sendEntry(String batch, int partition, Integer end, String id, String account, String amount) {
        org.apache.kafka.common.header.Headers headers = new RecordHeaders().add(RejectHeaderNames.BATCH_ID, bytes(batch));
        if (end != null) {
            headers.add(RejectHeaderNames.BATCH_END, bytes(end.toString()));
        }
        String value = "{\"entry_id\": \"" + id + "\", \"account\": \"" + account + "\", \"amount\": \"" + amount
                + "\", \"memo\": null}";
        cluster.send(new ProducerRecord<>("shop.landing.ledger", partition, bytes(id), bytes(value), headers));
    }

    private static java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> ofBatch(String batchId) {
        return r -> batchId.equals(header(r, RejectHeaderNames.BATCH_ID));
    }

    /** The latest report of a batch on the batch report topic, once there is one. */
    private static BatchReport awaitReport(String batchId) {
        byte[] key = bytes("shop.ledger/" + batchId);
        List<ConsumerRecord<byte[], byte[]>> reports = cluster.awaitAtLeast(BATCHES, r -> java.util.Arrays.equals(key, r.key()), 1);
        return BatchReport.fromJson(reports.get(reports.size() - 1).value());
    }

    private static GenericRecord decode(ConsumerRecord<byte[], byte[]> record, String subject) {
        int id = WireFormat.schemaId(record.value());
        return (GenericRecord) WireFormat.decode(record.value(), registry.schemaById(id));
    }

    /** The orders schema plus an optional coupon, and with {@code cancelled} a CANCELLED status (both backward compatible). */
    private static Schema ordersSchemaWith(boolean cancelled) {
        String json = ShopFixtures.ordersSchema().toString();
        json = json.replace("{\"name\":\"weight_kg\"", "{\"name\":\"coupon\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"weight_kg\"");
        if (cancelled) {
            json = json.replace("\"SHIPPED\"]", "\"SHIPPED\",\"CANCELLED\"]");
        }
        return new Schema.Parser().parse(json);
    }

    private static int schemaIdInUse(String dataset) throws Exception {
        return JSON.readTree(validator.get("/q/health/ready").body()).findPath("dataset." + dataset + ".schemaId").asInt();
    }

    private static void awaitSchemaIdInUse(String dataset, int id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (schemaIdInUse(dataset) != id) {
            assertThat(System.nanoTime()).as("validator never moved to schema id " + id).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Lets the validator commit what it has processed (the replay stops at the committed offsets). */
    private static void awaitCommitted() throws InterruptedException {
        Thread.sleep(1_000);
    }

    private static String replay(String dataset, String from) throws Exception {
        var response = validator.post("/replays", "{\"dataset\":\"" + dataset + "\",\"from\":\"" + from + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static BigDecimal decimal(Object avroBytes, int scale) {
        ByteBuffer buffer = ((ByteBuffer) avroBytes).duplicate();
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return new BigDecimal(new java.math.BigInteger(b), scale);
    }
}
