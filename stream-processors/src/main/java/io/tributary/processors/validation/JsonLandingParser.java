package io.tributary.processors.validation;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Landing records that are one JSON object each, in UTF-8. The text is decoded strictly (a
 * malformed byte is rejected, not replaced) and parsed strictly: one document, no trailing
 * content, no duplicate field names, nesting no deeper than a limit. Floating-point numbers are
 * read as exact decimals so that a {@code decimal} field gets the digits the producer wrote.
 */
public final class JsonLandingParser implements LandingParser {
    /** Default nesting limit: far above any real record, far below what could exhaust the stack. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    static final ObjectMapper MAPPER = mapper(DEFAULT_MAX_DEPTH);

    private final JsonToAvroConverter converter;
    private final ObjectMapper json;

    public JsonLandingParser(Schema schema) {
        this(new JsonToAvroConverter(schema), DEFAULT_MAX_DEPTH);
    }

    public JsonLandingParser(JsonToAvroConverter converter, int maxDepth) {
        this.converter = converter;
        this.json = maxDepth == DEFAULT_MAX_DEPTH ? MAPPER : mapper(maxDepth);
    }

    static ObjectMapper mapper(int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 12.50 stays 12.50: lenient coercion may turn it into text
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    @Override
    public ValidationOutcome parse(byte[] value, Headers headers) {
        if (value == null) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record has no value (null)");
        }
        if (value.length == 0) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record's value is empty (0 bytes)");
        }
        String text;
        try {
            text = Utf8Text.decode(value);
        } catch (ConversionException e) {
            return e.toOutcome();
        }
        if (text.isBlank()) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record's value is only whitespace ("
                    + value.length + " bytes)");
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (StreamConstraintsException e) {
            return ValidationOutcome.rejected(RejectReason.TOO_DEEP, "", "JSON nested too deeply " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (JacksonException e) {
            return ValidationOutcome.rejected(RejectReason.NOT_JSON, "", "not valid JSON " + where(e.getLocation())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return ValidationOutcome.rejected(RejectReason.NOT_JSON, "", "not valid JSON: " + e.getMessage());
        }
        return converter.convert(tree);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getCharOffset() < 0) {
            return "(position unknown)";
        }
        return "at character offset " + location.getCharOffset() + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }
}
