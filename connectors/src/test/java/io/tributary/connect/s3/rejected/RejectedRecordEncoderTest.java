package io.tributary.connect.s3.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

import io.tributary.catalog.table.RejectedRecords;
import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.errors.BadRecordException;

/** Rejected records become rows of the catalog's rejected shape, and none is dropped for missing headers. */
class RejectedRecordEncoderTest {
    private static final long AT = 1_714_550_400_000L;
    private final RejectedRecordEncoder encoder = new RejectedRecordEncoder();

    private static GenericRecord row(DecodedValue value) throws IOException {
        assertThat(value.schema()).isEqualTo(RejectedRecords.SCHEMA);
        return new GenericDatumReader<GenericRecord>(RejectedRecords.SCHEMA)
                .read(null, DecoderFactory.get().binaryDecoder(value.bytes(), value.offset(), value.length(), null));
    }

    private static String s(GenericRecord row, String field) {
        Object v = row.get(field);
        return v == null ? null : v.toString();
    }

    private static Map<String, byte[]> headers(String... keyValues) {
        Map<String, byte[]> h = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            h.put(keyValues[i], keyValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    @Test
    void everyReasonHeaderBecomesItsColumn() throws IOException {
        GenericRecord row = row(encoder.encode("finance.rejected.expenses", 2, 40, AT, "e-1".getBytes(StandardCharsets.UTF_8),
                "{\"amount\": -5}".getBytes(StandardCharsets.UTF_8), headers("tributary.reject.reason", "RULE_FAILED",
                        "tributary.reject.rule", "positive_amount", "tributary.reject.field", "amount",
                        "tributary.reject.message", "amount must be positive", "tributary.source.topic", "finance.landing.expenses",
                        "tributary.source.partition", "1", "tributary.source.offset", "17", "tributary.batch.id", "b-9",
                        "origin", "ignored")));

        assertThat(s(row, "reason")).isEqualTo("RULE_FAILED");
        assertThat(s(row, "rule")).isEqualTo("positive_amount");
        assertThat(s(row, "field")).isEqualTo("amount");
        assertThat(s(row, "message")).isEqualTo("amount must be positive");
        assertThat(s(row, "source_topic")).isEqualTo("finance.landing.expenses");
        assertThat(row.get("source_partition")).isEqualTo(1);
        assertThat(row.get("source_offset")).isEqualTo(17L);
        assertThat(s(row, "batch_id")).isEqualTo("b-9");
        assertThat(row.get("rejected_at")).isEqualTo(AT);
        assertThat(s(row, "record_key")).isEqualTo("e-1");
        assertThat(s(row, "record_value")).isEqualTo("{\"amount\": -5}");
    }

    @Test
    void emptyRuleAndFieldAreNullAndNoKeyStaysNull() throws IOException {
        GenericRecord row = row(encoder.encode("finance.rejected.expenses", 0, 0, AT, null, "x".getBytes(StandardCharsets.UTF_8),
                headers("tributary.reject.reason", "NOT_JSON", "tributary.reject.rule", "", "tributary.reject.field", "",
                        "tributary.reject.message", "not JSON", "tributary.source.topic", "finance.landing.expenses",
                        "tributary.source.partition", "0", "tributary.source.offset", "3")));

        assertThat(row.get("rule")).isNull();
        assertThat(row.get("field")).isNull();
        assertThat(row.get("batch_id")).isNull();
        assertThat(row.get("record_key")).isNull();
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsBase64() throws IOException {
        byte[] avro = {0, 0, 0, 0, 7, (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        GenericRecord row = row(encoder.encode("finance.rejected.expenses", 0, 0, AT, null, avro,
                headers("tributary.reject.reason", "WRONG_TYPE", "tributary.reject.message", "m", "tributary.source.topic", "t.landing.d",
                        "tributary.source.partition", "0", "tributary.source.offset", "0")));

        assertThat(s(row, "record_value")).isEqualTo("base64:" + Base64.getEncoder().encodeToString(avro));
    }

    @Test
    void aRecordWithoutReasonHeadersStillLandsPointingAtItself() throws IOException {
        GenericRecord row = row(encoder.encode("finance.rejected.expenses", 3, 99, AT, null, "raw".getBytes(StandardCharsets.UTF_8),
                headers("tributary.source.offset", "not-a-number")));

        assertThat(s(row, "reason")).isEqualTo("UNKNOWN");
        assertThat(s(row, "source_topic")).isEqualTo("finance.rejected.expenses");
        assertThat(row.get("source_partition")).isEqualTo(3);
        assertThat(row.get("source_offset")).isEqualTo(99L);
        assertThat(s(row, "message")).contains("tributary.reject.reason", "tributary.reject.message", "tributary.source.topic",
                "tributary.source.partition", "tributary.source.offset", "finance.rejected.expenses partition 3 offset 99");
        assertThat(s(row, "record_value")).isEqualTo("raw");
    }

    @Test
    void aRecordWithoutTimestampIsABadRecordNamingWhatIsMissing() {
        assertThatThrownBy(() -> encoder.encode("finance.rejected.expenses", 0, 0, null, null, null, Map.of()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("timestamp");
    }
}
