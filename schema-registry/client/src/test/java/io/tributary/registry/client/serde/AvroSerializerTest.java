package io.tributary.registry.client.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.testing.InMemoryRegistry;
import io.tributary.registry.client.testing.Payment;

class AvroSerializerTest {
    private static final Schema ORDER_V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    private static final Schema ORDER_V2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    private final InMemoryRegistry registry = new InMemoryRegistry();

    @Test
    void writesConfluentsWireFormatAndRegistersUnderTheTopicSubject() {
        AvroSerializer serializer = serializer(Map.of());
        GenericRecord order = order(ORDER_V1, 42L);
        byte[] bytes = serializer.serialize("shop.staging.orders", order);

        assertThat(registry.latest("shop.staging.orders-value")).isPresent();
        int id = registry.latest("shop.staging.orders-value").get().id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(bytes).isEqualTo(WireFormat.encode(id, ORDER_V1, order));
        assertThat(deserializer(Map.of()).deserialize("shop.staging.orders", bytes)).isEqualTo(order);
        assertThat(serializer.serialize("t", null)).isNull();
    }

    @Test
    void keysUseTheKeySubjectAndPrimitivesTheirJavaTypesSchema() {
        AvroSerializer keys = new AvroSerializer(registry);
        keys.configure(Map.of("schema.registry.url", "http://unused"), true);
        byte[] key = keys.serialize("orders", "order-7");
        assertThat(registry.latest("orders-key").get().schema().getType()).isEqualTo(Schema.Type.STRING);
        AvroDeserializer keyReader = new AvroDeserializer(registry);
        keyReader.configure(Map.of("schema.registry.url", "http://unused"), true);
        assertThat(keyReader.deserialize("orders", key)).isEqualTo("order-7");
        assertThat(keyReader.deserialize("orders", keys.serialize("orders", new byte[] {1, 2}))).isEqualTo(new byte[] {1, 2});
        assertThat(keyReader.deserialize("orders", keys.serialize("orders", 7L))).isEqualTo(7L);
        assertThatThrownBy(() -> keys.serialize("orders", new Object()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void specificRecordsAreWrittenAndReadBackAsTheirClass() {
        Payment payment = new Payment(9, "ann", 12.5);
        byte[] bytes = serializer(Map.of()).serialize("payments", payment);
        Object generic = deserializer(Map.of()).deserialize("payments", bytes);
        assertThat(generic).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) generic).get("payer").toString()).isEqualTo("ann");
        Object specific = deserializer(Map.of("specific.avro.reader", "true")).deserialize("payments", bytes);
        assertThat(specific).isInstanceOfSatisfying(Payment.class, p -> {
            assertThat(p.id()).isEqualTo(9);
            assertThat(p.payer()).isEqualTo("ann");
            assertThat(p.amount()).isEqualTo(12.5);
        });
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeThere() {
        AvroSerializer strict = serializer(Map.of("auto.register.schemas", "false"));
        assertThatThrownBy(() -> strict.serialize("orders", order(ORDER_V1, 1L)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("look up schema Order under subject 'orders-value'");
        int id = registry.register("orders-value", ORDER_V1);
        assertThat(WireFormat.schemaId(strict.serialize("orders", order(ORDER_V1, 1L)))).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() {
        registry.register("orders-value", ORDER_V1);
        int v2 = registry.register("orders-value", ORDER_V2);
        AvroSerializer latest = serializer(Map.of("use.latest.version", "true", "auto.register.schemas", "false"));
        GenericRecord v2Order = order(ORDER_V2, 5L);
        byte[] bytes = latest.serialize("orders", v2Order);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(v2);
        assertThatThrownBy(() -> latest.serialize("unknown", order(ORDER_V1, 1L)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("'unknown-value' has no version");
    }

    @Test
    void aRegistryOutageAfterWarmUpDoesNotStopKnownSchemas() {
        AvroSerializer serializer = serializer(Map.of());
        AvroDeserializer deserializer = deserializer(Map.of());
        byte[] warm = serializer.serialize("orders", order(ORDER_V1, 1L));
        deserializer.deserialize("orders", warm);
        int callsAfterWarmUp = registry.calls.get();

        registry.setDown(true);
        for (long i = 0; i < 100; i++) {
            byte[] bytes = serializer.serialize("orders", order(ORDER_V1, i));
            assertThat(((GenericRecord) deserializer.deserialize("orders", bytes)).get("id")).isEqualTo(i);
        }
        assertThat(registry.calls.get()).isEqualTo(callsAfterWarmUp);
        // A schema never seen needs the registry, and says so.
        assertThatThrownBy(() -> serializer.serialize("orders", order(ORDER_V2, 1L)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void badBytesAreNamedNotMisread() {
        AvroDeserializer deserializer = deserializer(Map.of());
        assertThat(deserializer.deserialize("t", null)).isNull();
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 99, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 99");
        int id = registry.register("t-value", ORDER_V1);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, (byte) id}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("from offset 5");
    }

    private AvroSerializer serializer(Map<String, String> extra) {
        AvroSerializer serializer = new AvroSerializer(registry);
        Map<String, Object> configs = new HashMap<>(extra);
        serializer.configure(configs, false);
        return serializer;
    }

    private AvroDeserializer deserializer(Map<String, String> extra) {
        AvroDeserializer deserializer = new AvroDeserializer(registry);
        deserializer.configure(new HashMap<>(extra), false);
        return deserializer;
    }

    private static GenericRecord order(Schema schema, long id) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put("id", id);
        return record;
    }
}
