package io.tributary.processors.validation;

import org.apache.avro.Schema;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/** A CSV cell holding a record, array or map as JSON text ({@code [1,2]}, {@code {"city":"Ghent"}}). */
final class NestedJson {
    private NestedJson() {
    }

    static JsonNode parse(Schema s, JsonNode text, FieldPath path) {
        try {
            return JsonLandingParser.MAPPER.readTree(text.textValue());
        } catch (JacksonException e) {
            throw new ConversionException(RejectReason.BAD_VALUE, path, TypeNames.of(s) + " in a CSV cell is written as JSON text; "
                    + JsonKinds.describe(text) + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
