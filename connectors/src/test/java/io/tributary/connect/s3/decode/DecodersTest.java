package io.tributary.connect.s3.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;
import io.tributary.registry.client.WireFormat;

class DecodersTest {
    private static final Schema EXPENSE = org.apache.avro.SchemaBuilder.record("Expense").fields().requiredString("id")
            .requiredLong("spent_at").optionalString("note").endRecord();

    /** An in-memory registry: the decoder's seam, not the HTTP client, is under test here. */
    private static final class Registry implements SchemaRegistry {
        final Map<Integer, Schema> schemas = new HashMap<>();
        boolean down;

        @Override
        public int register(String subject, Schema schema) {
            schemas.put(schemas.size() + 1, schema);
            return schemas.size();
        }

        @Override
        public Schema schemaById(int id) {
            if (down) {
                throw new RegistryException("connection refused", new java.io.IOException("refused"));
            }
            Schema s = schemas.get(id);
            if (s == null) {
                throw new RegistryException("Schema not found", 404, 40403);
            }
            return s;
        }

        @Override
        public Optional<SubjectVersion> latest(String subject) {
            return Optional.empty();
        }

        @Override
        public List<String> subjects() {
            return List.of();
        }
    }

    private static GenericRecord expense(String id) {
        GenericRecord r = new GenericData.Record(EXPENSE);
        r.put("id", id);
        r.put("spent_at", 1_714_557_600_000L);
        r.put("note", "n");
        return r;
    }

    @Test
    void wireFormatKeepsTheBodyAndReadsOnlyTheRoutingFields() throws Exception {
        Registry registry = new Registry();
        int id = registry.register("s", EXPENSE);
        byte[] wire = WireFormat.encode(id, EXPENSE, expense("a"));
        DecodedValue v = new WireFormatValueDecoder(registry, new RoutingProjection(List.of("spent_at"))).decode(wire);
        assertThat(v.schema()).isEqualTo(EXPENSE);
        assertThat(v.schemaVersion()).isEqualTo(id);
        assertThat(v.bytes()).isSameAs(wire);
        assertThat(v.offset()).isEqualTo(5);
        assertThat(v.routing().getSchema().getFields()).extracting(Schema.Field::name).containsExactly("spent_at");
        assertThat(v.routing().get("spent_at")).isEqualTo(1_714_557_600_000L);
        GenericRecord whole = new GenericDatumReader<GenericRecord>(EXPENSE)
                .read(null, DecoderFactory.get().binaryDecoder(v.bytes(), v.offset(), v.length(), null));
        assertThat(whole.get("id").toString()).isEqualTo("a");
    }

    @Test
    void everyUnreadableValueIsRejectedWithItsReason() {
        Registry registry = new Registry();
        int id = registry.register("s", EXPENSE);
        int string = registry.register("t", Schema.create(Schema.Type.STRING));
        WireFormatValueDecoder decoder = new WireFormatValueDecoder(registry, new RoutingProjection(List.of()));
        byte[] good = WireFormat.encode(id, EXPENSE, expense("a"));
        assertReason(() -> decoder.decode(null), RejectReason.NULL_VALUE, "tombstone");
        assertReason(() -> decoder.decode(new byte[] {1, 2, 3, 4, 5, 6}), RejectReason.NOT_WIRE_FORMAT, "magic byte");
        assertReason(() -> decoder.decode(new byte[] {0, 1}), RejectReason.NOT_WIRE_FORMAT, "at least 5");
        assertReason(() -> decoder.decode(WireFormat.encode(99, EXPENSE, expense("a"))), RejectReason.UNKNOWN_SCHEMA, "schema id 99");
        assertReason(() -> decoder.decode(WireFormat.encode(string, Schema.create(Schema.Type.STRING), "x")),
                RejectReason.NOT_A_RECORD, "STRING");
        assertReason(() -> decoder.decode(Arrays.copyOf(good, 8)), RejectReason.UNDECODABLE, "schema id " + id);
        registry.down = true;
        WireFormatValueDecoder fresh = new WireFormatValueDecoder(registry, new RoutingProjection(List.of()));
        assertThatThrownBy(() -> fresh.decode(good)).as("an unreachable registry is not the record's fault")
                .isInstanceOf(RegistryException.class);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RejectReason reason, String text) {
        assertThatThrownBy(call).isInstanceOf(BadRecordException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((BadRecordException) e).reason()).isEqualTo(reason));
    }

    @Test
    void structsBecomeAvroWithTheirLogicalTypes() throws Exception {
        org.apache.kafka.connect.data.Schema address = SchemaBuilder.struct().name("Address")
                .field("city", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
                .field("zip", org.apache.kafka.connect.data.Schema.OPTIONAL_INT32_SCHEMA).build();
        org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct().name("finance.Refund").version(3)
                .field("id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
                .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "10").build())
                .field("at", Timestamp.SCHEMA)
                .field("day", Date.SCHEMA)
                .field("small", org.apache.kafka.connect.data.Schema.INT16_SCHEMA)
                .field("address", address)
                .field("tags", SchemaBuilder.array(org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build())
                .field("counts", SchemaBuilder.map(org.apache.kafka.connect.data.Schema.INT32_SCHEMA,
                        org.apache.kafka.connect.data.Schema.STRING_SCHEMA).optional().build())
                .field("blob", org.apache.kafka.connect.data.Schema.OPTIONAL_BYTES_SCHEMA)
                .build();
        java.util.Date at = new java.util.Date(1_714_557_600_123L);
        java.util.Date day = new java.util.Date(19_844L * 86_400_000L);
        Struct value = new Struct(schema).put("id", "r1").put("amount", new BigDecimal("12.5")).put("at", at).put("day", day)
                .put("small", (short) 7).put("address", new Struct(address).put("city", "Paris"))
                .put("tags", List.of("a", "b")).put("counts", Map.of(1, "one")).put("blob", new byte[] {9});

        DecodedValue v = new StructValueDecoder().decode(value);
        assertThat(v.schemaVersion()).isEqualTo(3);
        Schema avro = v.schema();
        assertThat(avro.getFullName()).isEqualTo("finance.Refund");
        assertThat(avro.getField("amount").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
        assertThat(avro.getField("at").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(avro.getField("day").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(avro.getField("counts").schema().getTypes().get(1).getType()).as("an int-keyed map").isEqualTo(Schema.Type.ARRAY);
        GenericRecord back = new GenericDatumReader<GenericRecord>(avro)
                .read(null, DecoderFactory.get().binaryDecoder(v.bytes(), v.offset(), v.length(), null));
        assertThat(new Conversions.DecimalConversion().fromBytes((ByteBuffer) back.get("amount"), avro.getField("amount").schema(),
                LogicalTypes.decimal(10, 2))).isEqualTo(new BigDecimal("12.50"));
        assertThat(back.get("at")).isEqualTo(1_714_557_600_123L);
        assertThat(back.get("day")).isEqualTo(19_844);
        assertThat(back.get("small")).isEqualTo(7);
        assertThat(((GenericRecord) back.get("address")).get("city").toString()).isEqualTo("Paris");
        assertThat(((GenericRecord) back.get("address")).get("zip")).isNull();
        assertThat(back.get("tags").toString()).isEqualTo("[a, b]");
        assertThat(((ByteBuffer) back.get("blob")).get(0)).isEqualTo((byte) 9);
        assertThat(v.routing().get("id")).isEqualTo("r1");
    }

    @Test
    void aStructThatIsNotARecordOrBreaksItsScaleIsRejected() {
        org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct().name("D").field("amount", Decimal.schema(2)).build();
        Struct value = new Struct(schema).put("amount", new BigDecimal("1.234"));
        assertThatThrownBy(() -> new StructValueDecoder().decode(value)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("amount").hasMessageContaining("scale 2");
        assertThatThrownBy(() -> ConnectSchemaTranslator.translate(org.apache.kafka.connect.data.Schema.STRING_SCHEMA))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("not a struct");
    }
}
