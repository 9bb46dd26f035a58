package io.tributary.processors.validation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Landing records that are one JSON object each, in UTF-8. The text is decoded strictly (a
 * malformed byte is rejected, not replaced) and parsed strictly: one document, no trailing
 * content, no duplicate field names. Floating-point numbers are read as exact decimals so that a
 * {@code decimal} field gets the digits the producer wrote.
 */
public final class JsonLandingParser implements LandingParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JsonToAvroConverter converter;

    public JsonLandingParser(Schema schema) {
        this.converter = new JsonToAvroConverter(schema);
    }

    @Override
    public ValidationOutcome parse(byte[] value) {
        if (value == null) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record has no value (null)");
        }
        if (value.length == 0) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record's value is empty (0 bytes)");
        }
        CharBuffer chars = CharBuffer.allocate(value.length);
        ByteBuffer bytes = ByteBuffer.wrap(value);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            return ValidationOutcome.rejected(RejectReason.NOT_JSON, "", "not UTF-8 text: malformed byte sequence at byte offset "
                    + bytes.position());
        }
        chars.flip();
        String text = chars.length() > 0 && chars.charAt(0) == BYTE_ORDER_MARK ? chars.subSequence(1, chars.length()).toString()
                : chars.toString();
        if (text.isBlank()) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record's value is only whitespace ("
                    + value.length + " bytes)");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            return ValidationOutcome.rejected(RejectReason.NOT_JSON, "", "not valid JSON " + where(e.getLocation())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return ValidationOutcome.rejected(RejectReason.NOT_JSON, "", "not valid JSON: " + e.getMessage());
        }
        return converter.convert(json);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getCharOffset() < 0) {
            return "(position unknown)";
        }
        return "at character offset " + location.getCharOffset() + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }
}
