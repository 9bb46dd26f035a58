package io.tributary.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.TestValidators;
import io.tributary.processors.validation.RejectReason;
import io.tributary.registry.client.WireFormat;

/** The validation topology on Kafka Streams' test driver: routing, bytes, keys, headers, metrics. */
class ValidationTopologyTest {
    private static final int ORDERS_SCHEMA_ID = 42;
    private static final int PAYMENTS_SCHEMA_ID = 43;

    private final ZoneDescriptor zone = ShopFixtures.zone();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> ordersLanding;
    private TestOutputTopic<byte[], byte[]> ordersStaging;
    private TestOutputTopic<byte[], byte[]> ordersRejected;

    @BeforeEach
    void start() {
        Topology topology = ValidationTopology.build("shop", TestValidators.of(zone,
                Map.of("orders", ORDERS_SCHEMA_ID, "payments", PAYMENTS_SCHEMA_ID, "refunds", 44)),
                new MicrometerValidationMetrics(meters, "shop"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tributary-shop-validator");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        ordersLanding = input("shop.landing.orders");
        ordersStaging = output("shop.staging.orders");
        ordersRejected = output("shop.rejected.orders");
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aValidRecordIsWrittenToStagingKeyedByItsKeyFieldInTheWireFormat() {
        Headers headers = new RecordHeaders().add("trace-id", bytes("t-1"));
        ordersLanding.pipeInput(new TestRecord<>(bytes("landing-key"), bytes(ShopFixtures.VALID_ORDER), headers));

        assertThat(ordersRejected.isEmpty()).isTrue();
        TestRecord<byte[], byte[]> staged = ordersStaging.readRecord();
        assertThat(new String(staged.key(), StandardCharsets.UTF_8)).isEqualTo("o-1001");
        assertThat(WireFormat.schemaId(staged.value())).isEqualTo(ORDERS_SCHEMA_ID);
        Schema schema = ShopFixtures.ordersSchema();
        GenericRecord order = (GenericRecord) WireFormat.decode(staged.value(), schema);
        assertThat(order.get("order_id").toString()).isEqualTo("o-1001");
        assertThat(((GenericRecord) order.get("customer")).get("id")).isEqualTo(42L);
        assertThat(((GenericRecord) ((GenericRecord) order.get("customer")).get("address")).get("city").toString()).isEqualTo("Ghent");
        assertThat(order.get("status").toString()).isEqualTo("PAID");
        assertThat(order.get("placed_at")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z").toEpochMilli());
        assertThat(decimal(order.get("total"), 2)).isEqualByComparingTo("25.50");
        List<?> items = (List<?>) order.get("items");
        assertThat(items).hasSize(2);
        assertThat(decimal(((GenericRecord) items.get(1)).get("price"), 2)).isEqualByComparingTo("7.75");
        assertThat(order.get("weight_kg")).isEqualTo(1.25d);
        assertThat(header(staged.headers(), "trace-id")).isEqualTo("t-1");
        assertThat(staged.headers().lastHeader(RejectHeaders.REASON)).isNull();
        assertThat(ordersStaging.isEmpty()).isTrue();
    }

    @Test
    void everyKindOfBadRecordIsRejectedUnchangedWithReasonAndSource() {
        record Bad(byte[] value, RejectReason reason, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(bytes("{\"order_id\": \"o-1\", "), RejectReason.NOT_JSON, ""),
                new Bad(null, RejectReason.EMPTY_RECORD, ""),
                new Bad(new byte[0], RejectReason.EMPTY_RECORD, ""),
                new Bad(bytes("[1, 2, 3]"), RejectReason.NOT_AN_OBJECT, ""),
                new Bad(bytes(ShopFixtures.orderWithout("total")), RejectReason.MISSING_FIELD, "total"),
                new Bad(bytes(ShopFixtures.orderWith("customer", "{\"id\": \"forty-two\"}")), RejectReason.WRONG_TYPE, "customer.id"),
                new Bad(bytes(ShopFixtures.orderWith("status", "\"LOST\"")), RejectReason.BAD_VALUE, "status"),
                new Bad(bytes(ShopFixtures.orderWith("placed_at", "\"2024-05-01 10:15\"")), RejectReason.BAD_VALUE, "placed_at"),
                new Bad(bytes(ShopFixtures.orderWith("items", "[{\"sku\": \"a\", \"quantity\": 1, \"price\": 1.005}]")),
                        RejectReason.BAD_VALUE, "items[0].price"));
        for (int i = 0; i < bad.size(); i++) {
            Headers headers = new RecordHeaders().add("trace-id", bytes("t-" + i));
            ordersLanding.pipeInput(new TestRecord<>(bytes("k-" + i), bad.get(i).value(), headers));
        }

        assertThat(ordersStaging.isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> rejected = ordersRejected.readRecordsToList();
        assertThat(rejected).hasSize(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            TestRecord<byte[], byte[]> r = rejected.get(i);
            Bad expected = bad.get(i);
            assertThat(r.key()).as("key of record %d", i).isEqualTo(bytes("k-" + i));
            assertThat(r.value()).as("value of record %d", i).isEqualTo(expected.value());
            assertThat(header(r.headers(), RejectHeaders.REASON)).as("reason of record %d", i).isEqualTo(expected.reason().name());
            assertThat(header(r.headers(), RejectHeaders.FIELD)).as("field of record %d", i).isEqualTo(expected.field());
            assertThat(header(r.headers(), RejectHeaders.MESSAGE)).as("message of record %d", i).isNotBlank();
            assertThat(header(r.headers(), RejectHeaders.SOURCE_TOPIC)).isEqualTo("shop.landing.orders");
            assertThat(header(r.headers(), RejectHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(r.headers(), RejectHeaders.SOURCE_OFFSET)).as("offset of record %d", i).isEqualTo(Integer.toString(i));
            assertThat(header(r.headers(), "trace-id")).isEqualTo("t-" + i);
        }
        assertThat(header(rejected.get(0).headers(), RejectHeaders.MESSAGE)).startsWith("not valid JSON at character offset 20");
        assertThat(header(rejected.get(4).headers(), RejectHeaders.MESSAGE))
                .isEqualTo("required field 'total' (decimal(10,2)) is missing");
    }

    @Test
    void thePipelineGoesOnAfterBadRecordsAndKeepsTheOrder() {
        ordersLanding.pipeInput(bytes("a"), bytes(ShopFixtures.orderWith("order_id", "\"o-1\"")));
        ordersLanding.pipeInput(bytes("b"), bytes("not json at all"));
        ordersLanding.pipeInput(bytes("c"), bytes(ShopFixtures.orderWith("order_id", "\"o-2\"")));
        ordersLanding.pipeInput(bytes("d"), bytes(ShopFixtures.orderWithout("status")));
        ordersLanding.pipeInput(bytes("e"), bytes(ShopFixtures.orderWith("order_id", "\"o-3\"")));

        assertThat(ordersStaging.readKeyValuesToList()).extracting(kv -> new String(kv.key, StandardCharsets.UTF_8))
                .containsExactly("o-1", "o-2", "o-3");
        assertThat(ordersRejected.readRecordsToList()).extracting(r -> header(r.headers(), RejectHeaders.SOURCE_OFFSET))
                .containsExactly("1", "3");
        assertThat(meters.counter(MicrometerValidationMetrics.ACCEPTED, "zone", "shop", "dataset", "orders").count()).isEqualTo(3);
        assertThat(meters.counter(MicrometerValidationMetrics.REJECTED, "zone", "shop", "dataset", "orders", "reason", "NOT_JSON")
                .count()).isEqualTo(1);
        assertThat(meters.counter(MicrometerValidationMetrics.REJECTED, "zone", "shop", "dataset", "orders", "reason",
                "MISSING_FIELD").count()).isEqualTo(1);
    }

    @Test
    void aRecordSentAgainFromTheRejectedTopicGetsFreshHeaders() {
        Headers stale = new RecordHeaders()
                .add(RejectHeaders.REASON, bytes("NOT_JSON"))
                .add(RejectHeaders.SOURCE_OFFSET, bytes("999"));
        ordersLanding.pipeInput(new TestRecord<>(bytes("k"), bytes(ShopFixtures.orderWithout("total")), stale));
        ordersLanding.pipeInput(new TestRecord<>(bytes("k"), bytes(ShopFixtures.VALID_ORDER), stale));

        TestRecord<byte[], byte[]> rejected = ordersRejected.readRecord();
        assertThat(rejected.headers().headers(RejectHeaders.REASON)).hasSize(1);
        assertThat(header(rejected.headers(), RejectHeaders.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(header(rejected.headers(), RejectHeaders.SOURCE_OFFSET)).isEqualTo("0");
        TestRecord<byte[], byte[]> staged = ordersStaging.readRecord();
        assertThat(staged.headers().lastHeader(RejectHeaders.REASON)).isNull();
        assertThat(staged.headers().headers(RejectHeaders.SOURCE_OFFSET)).hasSize(1);
        assertThat(header(staged.headers(), RejectHeaders.SOURCE_OFFSET)).isEqualTo("1");
    }

    @Test
    void eachDatasetHasItsOwnTopicsSchemaIdAndKey() {
        TestInputTopic<byte[], byte[]> paymentsLanding = input("shop.landing.payments");
        TestOutputTopic<byte[], byte[]> paymentsStaging = output("shop.staging.payments");
        TestOutputTopic<byte[], byte[]> paymentsRejected = output("shop.rejected.payments");

        paymentsLanding.pipeInput(null, bytes(ShopFixtures.VALID_PAYMENT));
        paymentsLanding.pipeInput(null, bytes(ShopFixtures.VALID_ORDER));

        TestRecord<byte[], byte[]> staged = paymentsStaging.readRecord();
        assertThat(new String(staged.key(), StandardCharsets.UTF_8)).isEqualTo("p-1");
        assertThat(WireFormat.schemaId(staged.value())).isEqualTo(PAYMENTS_SCHEMA_ID);
        GenericRecord payment = (GenericRecord) WireFormat.decode(staged.value(), ShopFixtures.dataset("payments").schema());
        assertThat(payment.get("paid_at")).isEqualTo(Instant.parse("2024-05-01T10:16:00Z").toEpochMilli() * 1000 + 123);
        TestRecord<byte[], byte[]> rejected = paymentsRejected.readRecord();
        assertThat(rejected.key()).isNull();
        assertThat(header(rejected.headers(), RejectHeaders.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(header(rejected.headers(), RejectHeaders.FIELD)).isEqualTo("payment_id");
        assertThat(ordersStaging.isEmpty()).isTrue();
        assertThat(ordersRejected.isEmpty()).isTrue();
    }

    @Test
    void everyDatasetOfTheZoneIsValidatedWhateverItsFormat() {
        String description = ValidationTopology.build("shop", TestValidators.of(zone, Map.of("orders", 1, "payments", 2, "refunds", 3)),
                ValidationMetrics.NONE).describe().toString();
        assertThat(description).contains("shop.landing.orders", "shop.staging.payments", "shop.rejected.refunds");
        assertThat(ValidatorScope.of(zone).topics()).hasSize(15);
    }

    @Test
    void theKeyIsTheKeyFieldsCanonicalText() {
        Schema decimalKey = new Schema.Parser().parse(
                "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":6,\"scale\":2}");
        assertThat(StagingKeys.of(decimalKey, ByteBuffer.wrap(BigInteger.valueOf(1250).toByteArray()))).isEqualTo(bytes("12.50"));
        assertThat(StagingKeys.of(Schema.create(Schema.Type.LONG), 7L)).isEqualTo(bytes("7"));
        Schema nullableString = new Schema.Parser().parse("[\"null\",\"string\"]");
        assertThat(StagingKeys.of(nullableString, "k")).isEqualTo(bytes("k"));
        assertThat(StagingKeys.of(nullableString, null)).isNull();
    }

    private TestInputTopic<byte[], byte[]> input(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(Object avroBytes, int scale) {
        ByteBuffer buffer = ((ByteBuffer) avroBytes).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }
}
