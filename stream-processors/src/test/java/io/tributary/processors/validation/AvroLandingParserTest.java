package io.tributary.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.model.DatasetSpec;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.TestValidators;
import io.tributary.registry.client.WireFormat;

/** Avro landing records in Confluent's wire format: writer schemas by id, conversion to staging, and broken bytes. */
class AvroLandingParserTest {
    /** The writer uses int for count, micros for the time, and text for the price: all convertible. */
    private static final Schema WRITER = new Schema.Parser().parse("""
            {"type":"record","name":"AppEvent","fields":[
              {"name":"event_id","type":"string"},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["VIEW","CART","BUY","RETURN"]}},
              {"name":"count","type":"int"},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-micros"}},
              {"name":"price","type":["null",{"type":"bytes","logicalType":"decimal","precision":9,"scale":3}]},
              {"name":"extra","type":"string","default":""}]}""");
    private static final int WRITER_ID = 77;

    private final DatasetSpec events = ShopFixtures.dataset("events");
    private final LandingParser parser = LandingParsers.forDataset(events, events.schema(), TestValidators.writers(Map.of(WRITER_ID, WRITER)),
            64);

    @Test
    void aRecordWrittenWithAnotherCompatibleSchemaIsConverted() {
        GenericRecord r = valid(WireFormat.encode(WRITER_ID, WRITER, event("BUY", 3, 1_714_557_600_123_000L, "12.500")));
        assertThat(r.get("event_id").toString()).isEqualTo("e-1");
        assertThat(r.get("kind").toString()).isEqualTo("BUY");
        assertThat(r.get("count")).isEqualTo(3L);
        assertThat(r.get("at")).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli());
        ByteBuffer price = (ByteBuffer) r.get("price");
        assertThat(new BigDecimal(new java.math.BigInteger(price.array()), 2)).isEqualByComparingTo("12.50");
    }

    @Test
    void valuesTheStagingSchemaCannotHoldAreRejectedLikeAnyFormat() {
        ValidationOutcome.Rejected symbol = rejected(WireFormat.encode(WRITER_ID, WRITER, event("RETURN", 1, 0, null)));
        assertThat(symbol.reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(symbol.fieldPath()).isEqualTo("kind");
        ValidationOutcome.Rejected fraction = rejected(WireFormat.encode(WRITER_ID, WRITER, event("BUY", 1, 0, "1.005")));
        assertThat(fraction.fieldPath()).isEqualTo("price");
        GenericRecord submillis = valid(WireFormat.encode(WRITER_ID, WRITER, event("BUY", 1, 1_000_999L, null)));
        assertThat(submillis.get("at")).as("digits finer than millis are dropped, as for text").isEqualTo(1_000L);
    }

    @Test
    void brokenBytesGetTheirOwnReasons() {
        byte[] good = WireFormat.encode(WRITER_ID, WRITER, event("VIEW", 1, 0, null));
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 1;
        assertThat(rejected(wrongMagic).reason()).isEqualTo(RejectReason.BAD_MAGIC_BYTE);
        assertThat(rejected(new byte[] {0, 0, 0}).reason()).isEqualTo(RejectReason.NOT_AVRO);
        assertThat(rejected(Arrays.copyOf(good, good.length - 4)).reason()).as("truncated").isEqualTo(RejectReason.NOT_AVRO);
        byte[] garbage = good.clone();
        for (int i = 5; i < garbage.length; i++) {
            garbage[i] = (byte) 0xff;
        }
        assertThat(rejected(garbage).reason()).isEqualTo(RejectReason.NOT_AVRO);
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        assertThat(rejected(trailing).message()).contains("bytes left after a whole");
        ValidationOutcome.Rejected unknown = rejected(WireFormat.encode(404, WRITER, event("VIEW", 1, 0, null)));
        assertThat(unknown.reason()).isEqualTo(RejectReason.UNKNOWN_SCHEMA_ID);
        assertThat(unknown.message()).isEqualTo("schema id 404 is not known to the schema registry");
        assertThat(rejected(null).reason()).isEqualTo(RejectReason.EMPTY_RECORD);
    }

    private static GenericRecord event(String kind, int count, long atMicros, String price) {
        GenericData.Record r = new GenericData.Record(WRITER);
        r.put("event_id", "e-1");
        r.put("kind", new GenericData.EnumSymbol(WRITER.getField("kind").schema(), kind));
        r.put("count", count);
        r.put("at", atMicros);
        r.put("price", price == null ? null : ByteBuffer.wrap(new BigDecimal(price).setScale(3).unscaledValue().toByteArray()));
        r.put("extra", "ignored");
        return r;
    }

    private GenericRecord valid(byte[] value) {
        ValidationOutcome outcome = parser.parse(value, null);
        assertThat(outcome).isInstanceOf(ValidationOutcome.Valid.class);
        return ((ValidationOutcome.Valid) outcome).record();
    }

    private ValidationOutcome.Rejected rejected(byte[] value) {
        ValidationOutcome outcome = parser.parse(value, null);
        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        return (ValidationOutcome.Rejected) outcome;
    }
}
