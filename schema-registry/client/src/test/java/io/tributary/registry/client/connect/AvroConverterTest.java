package io.tributary.registry.client.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema.Type;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.serde.AvroDeserializer;
import io.tributary.registry.client.testing.InMemoryRegistry;

class AvroConverterTest {
    private static final Schema ADDRESS = SchemaBuilder.struct().name("shop.Address")
            .field("city", Schema.STRING_SCHEMA).build();
    private static final Schema CUSTOMER = SchemaBuilder.struct().name("shop.Customer").doc("a customer")
            .field("id", Schema.INT64_SCHEMA)
            .field("age", Schema.INT8_SCHEMA)
            .field("rank", Schema.OPTIONAL_INT16_SCHEMA)
            .field("score", Schema.FLOAT64_SCHEMA)
            .field("nickname", Schema.OPTIONAL_STRING_SCHEMA)
            .field("balance", Decimal.schema(2))
            .field("born", Date.SCHEMA)
            .field("seen", Timestamp.SCHEMA)
            .field("photo", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("limits", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("byYear", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
            .field("home", ADDRESS)
            .field("work", SchemaBuilder.struct().name("shop.Address").field("city", Schema.STRING_SCHEMA).optional().build())
            .build();

    private final InMemoryRegistry registry = new InMemoryRegistry();

    @Test
    void structsRoundTripThroughAvroWithTheirSchemas() {
        AvroConverter converter = converter(false);
        Struct customer = new Struct(CUSTOMER)
                .put("id", 7L).put("age", (byte) 42).put("rank", (short) 3).put("score", 0.5)
                .put("balance", new BigDecimal("1234.56"))
                .put("born", new java.util.Date(86_400_000L * 365))
                .put("seen", new java.util.Date(1_700_000_000_123L))
                .put("photo", new byte[] {1, 2, 3})
                .put("tags", List.of("vip", "eu"))
                .put("limits", Map.of("daily", 100))
                .put("byYear", Map.of(2024, "gold"))
                .put("home", new Struct(ADDRESS).put("city", "Lyon"));

        byte[] bytes = converter.fromConnectData("shop.staging.customers", CUSTOMER, customer);
        int id = WireFormat.schemaId(bytes);
        org.apache.avro.Schema registered = registry.schemaById(id);
        assertThat(registered.getFullName()).isEqualTo("shop.Customer");
        assertThat(registered.getField("nickname").schema().getType()).isEqualTo(Type.UNION);
        assertThat(registered.getField("balance").schema().getLogicalType().getName()).isEqualTo("decimal");
        assertThat(registry.latest("shop.staging.customers-value").get().id()).isEqualTo(id);

        SchemaAndValue back = converter.toConnectData("shop.staging.customers", bytes);
        Struct read = (Struct) back.value();
        assertThat(read.getInt64("id")).isEqualTo(7L);
        assertThat(read.getInt8("age")).isEqualTo((byte) 42);
        assertThat(read.getInt16("rank")).isEqualTo((short) 3);
        assertThat(read.getString("nickname")).isNull();
        assertThat(read.get("balance")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(read.get("born")).isEqualTo(new java.util.Date(86_400_000L * 365));
        assertThat(read.get("seen")).isEqualTo(new java.util.Date(1_700_000_000_123L));
        assertThat(read.getBytes("photo")).isEqualTo(new byte[] {1, 2, 3});
        assertThat(read.getArray("tags")).containsExactly("vip", "eu");
        assertThat(read.getMap("limits")).containsEntry("daily", 100);
        assertThat(read.getStruct("home").getString("city")).isEqualTo("Lyon");
        assertThat(read.getStruct("work")).isNull();
        assertThat(back.schema().field("age").schema().type()).isEqualTo(Schema.Type.INT8);
        assertThat(back.schema().field("nickname").schema().isOptional()).isTrue();

        // Bytes written by the converter are read by the plain deserializer too.
        AvroDeserializer plain = new AvroDeserializer(registry);
        plain.configure(Map.of(), false);
        assertThat(((GenericRecord) plain.deserialize("shop.staging.customers", bytes)).get("score")).isEqualTo(0.5);
    }

    @Test
    void recordsWrittenByPlainProducersBecomeStructs() {
        org.apache.avro.Schema avro = new org.apache.avro.Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Event\","
                + "\"fields\":[{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\",\"B\"]}},"
                + "{\"name\":\"value\",\"type\":[\"null\",\"long\",\"string\"]}]}");
        GenericData.Record event = new GenericData.Record(avro);
        event.put("kind", new GenericData.EnumSymbol(avro.getField("kind").schema(), "B"));
        event.put("value", "text");
        int id = registry.register("events-value", avro);
        SchemaAndValue back = converter(false).toConnectData("events", WireFormat.encode(id, avro, event));
        Struct struct = (Struct) back.value();
        assertThat(struct.getString("kind")).isEqualTo("B");
        Struct union = struct.getStruct("value");
        assertThat(union.getString("string")).isEqualTo("text");
        assertThat(union.get("long")).isNull();
    }

    @Test
    void nullsPrimitivesAndMistakes() {
        AvroConverter keys = converter(true);
        assertThat(keys.fromConnectData("t", null, null)).isNull();
        assertThat(keys.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
        byte[] key = keys.fromConnectData("t", Schema.STRING_SCHEMA, "k1");
        assertThat(registry.latest("t-key")).isPresent();
        assertThat(keys.toConnectData("t", key).value()).isEqualTo("k1");
        assertThat(keys.toConnectData("t", keys.fromConnectData("t", null, 5L)).value()).isEqualTo(5L);

        AvroConverter values = converter(false);
        Struct missing = new Struct(ADDRESS);
        assertThatThrownBy(() -> values.fromConnectData("t", ADDRESS, missing)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> values.toConnectData("t", new byte[] {7, 7})).isInstanceOf(DataException.class)
                .hasMessageContaining("topic t");
    }

    private AvroConverter converter(boolean isKey) {
        AvroConverter converter = new AvroConverter(registry);
        converter.configure(Map.of(), isKey);
        return converter;
    }
}
