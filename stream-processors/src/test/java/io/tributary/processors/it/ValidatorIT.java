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
import java.util.ArrayList;
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

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;
import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.batch.BatchReport;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.WireFormat;

/**
 * The packaged validator against a real broker and the real schema registry (both as the local
 * platform runs them): every landing format, batches, metrics, schema evolution while running,
 * replay without duplicates, and a kill -9 mid-stream that loses and duplicates nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidatorIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATASETS = List.of("orders", "payments", "refunds", "events", "ledger");

    @TempDir
    static Path dataDir;
    private static LocalKafkaBroker broker;
    private static RegistryProcess registryProcess;
    private static HttpSchemaRegistry registry;
    private static Cluster cluster;
    private static ValidatorProcess validator;

    @BeforeAll
    static void start() throws Exception {
        broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), 0);
        registryProcess = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(),
                ValidatorProcess.appDir().getParent());
        registry = new HttpSchemaRegistry(registryProcess.url());
        cluster = new Cluster(broker.bootstrapServers());
        validator = launch("first");
        assertThat(validator.awaitHealth(503).body()).contains("missing_topics").contains("shop.landing.orders");
        List<String> topics = new ArrayList<>();
        for (String dataset : DATASETS) {
            for (String stage : List.of("landing", "staging", "rejected")) {
                topics.add("shop." + stage + "." + dataset);
            }
        }
        cluster.createTopics(topics, 1);
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
        return ValidatorProcess.launch(name, broker.bootstrapServers(), registryProcess.url(), dataDir.resolve("streams"));
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
        assertThat(cluster.readExactly("shop.rejected.orders", 2)).extracting(r -> header(r, RejectHeaderNames.REASON))
                .containsExactly("NOT_JSON", "RULE_FAILED");

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
    void aCleanBatchIsPromotedWholeAndABatchWithOneBadRecordIsRejectedWhole() {
        sendEntry("good", 0, null, "g-1", "10.00");
        sendEntry("good", 0, 2, "g-2", "-10.00");
        sendEntry("bad", 0, null, "b-1", "10.00");
        sendEntry("bad", 0, null, "b-2", "0.00");
        sendEntry("bad", 0, 3, "b-3", "5.00");

        assertThat(cluster.readExactly("shop.staging.ledger", 2)).extracting(r -> text(r.key())).containsExactly("g-1", "g-2");
        List<ConsumerRecord<byte[], byte[]>> rejected = cluster.readExactly("shop.rejected.ledger", 3);
        assertThat(rejected).extracting(r -> text(r.key())).containsExactly("b-1", "b-2", "b-3");
        assertThat(rejected).extracting(r -> header(r, RejectHeaderNames.REASON))
                .containsExactly("BATCH_REJECTED", "RULE_FAILED", "BATCH_REJECTED");
        Map<String, BatchReport> reports = cluster.readAll("_tributary.batches", 2, Duration.ofSeconds(30)).stream()
                .map(r -> BatchReport.fromJson(r.value())).collect(Collectors.toMap(BatchReport::batchId, r -> r));
        assertThat(reports.get("good").outcome()).isEqualTo("PROMOTED");
        assertThat(reports.get("bad").outcome()).isEqualTo("REJECTED");
        assertThat(reports.get("bad").failures()).extracting(BatchReport.Failure::rule).containsExactly("balanced_amount");
    }

    @Test
    @Order(3)
    void metricsCountAcceptedRejectedWarnedBatchesAndLatency() throws Exception {
        String metrics = validator.get("/q/metrics").body();
        assertThat(metrics).containsPattern("tributary_validator_records_accepted_total\\{dataset=\"orders\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern(
                "tributary_validator_records_rejected_total\\{dataset=\"orders\",reason=\"RULE_FAILED\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern(
                "tributary_validator_batches_total\\{dataset=\"ledger\",outcome=\"REJECTED\",zone=\"shop\"} 1\\.0");
        assertThat(metrics).containsPattern("tributary_validator_latency_seconds\\{dataset=\"orders\",zone=\"shop\",quantile=\"0.99\"}");
        assertThat(metrics).containsPattern("tributary_validator_records_warned_total\\{dataset=\"ledger\",rule=\"memo_present\"");
    }

    @Test
    @Order(4)
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
    @Order(5)
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
    @Order(6)
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
        org.apache.kafka.common.header.Headers headers = new RecordHeaders().add(RejectHeaderNames.BATCH_ID, bytes(batch));
        if (end != null) {
            headers.add(RejectHeaderNames.BATCH_END, bytes(end.toString()));
        }
        String value = "{\"entry_id\": \"" + id + "\", \"account\": \"CASH\", \"amount\": \"" + amount + "\", \"memo\": null}";
        cluster.send(new ProducerRecord<>("shop.landing.ledger", partition, bytes(id), bytes(value), headers));
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
