package io.tributary.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** What arrives as bytes: empty values, text that is not JSON or not UTF-8, and the strictness of the parse. */
class JsonLandingParserTest {
    private final Schema schema = JsonToAvroConverterTest.record("{\"name\":\"a\",\"type\":\"int\"}");
    private final JsonLandingParser parser = new JsonLandingParser(schema);

    @Test
    void aNullValueIsAnEmptyRecord() {
        assertThat(parser.parse(null, null)).isEqualTo(new ValidationOutcome.Rejected(RejectReason.EMPTY_RECORD, "",
                "the record has no value (null)"));
    }

    @Test
    void zeroBytesOrOnlyWhitespaceIsAnEmptyRecord() {
        assertThat(rejected(new byte[0]).reason()).isEqualTo(RejectReason.EMPTY_RECORD);
        assertThat(rejected(" \n\t ".getBytes(StandardCharsets.UTF_8))).isEqualTo(new ValidationOutcome.Rejected(
                RejectReason.EMPTY_RECORD, "", "the record's value is only whitespace (4 bytes)"));
    }

    @Test
    void brokenJsonNamesTheCharacterOffset() {
        ValidationOutcome.Rejected r = rejected("{\"a\": 1,}");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(r.fieldPath()).isEmpty();
        assertThat(r.message()).startsWith("not valid JSON at character offset 8 (line 1, column 9): Unexpected character ('}'");
    }

    @Test
    void theOffsetCountsCharactersNotBytes() {
        ValidationOutcome.Rejected r = rejected("{\"é€\": x}");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(r.message()).contains("at character offset 7 ");
    }

    @Test
    void truncatedJsonIsNotJson() {
        ValidationOutcome.Rejected r = rejected("{\"a\": 1");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(r.message()).contains("at character offset 7").contains("end-of-input");
    }

    @Test
    void contentAfterTheDocumentIsNotJson() {
        ValidationOutcome.Rejected r = rejected("{\"a\": 1} {\"a\": 2}");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(r.message()).contains("Trailing token");
    }

    @Test
    void aDuplicateFieldNameIsNotJson() {
        ValidationOutcome.Rejected r = rejected("{\"a\": 1, \"a\": 2}");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(r.message()).contains("Duplicate field 'a'");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheirByteOffset() {
        byte[] latin1 = "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ValidationOutcome.Rejected r = rejected(latin1);
        assertThat(r).isEqualTo(new ValidationOutcome.Rejected(RejectReason.NOT_UTF8, "",
                "not UTF-8 text: malformed byte sequence at byte offset 10"));
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] withBom = "\uFEFF{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        ValidationOutcome outcome = parser.parse(withBom, null);
        assertThat(outcome.isValid()).isTrue();
        assertThat(((GenericRecord) ((ValidationOutcome.Valid) outcome).record()).get("a")).isEqualTo(1);
    }

    private ValidationOutcome.Rejected rejected(String text) {
        return rejected(text.getBytes(StandardCharsets.UTF_8));
    }

    private ValidationOutcome.Rejected rejected(byte[] bytes) {
        ValidationOutcome outcome = parser.parse(bytes, null);
        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        return (ValidationOutcome.Rejected) outcome;
    }
}
