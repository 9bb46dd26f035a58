package io.tributary.processors.validation;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes a JSON value for a rejection message: its kind and, for scalars, a short excerpt. */
final class JsonKinds {
    private static final int EXCERPT = 40;

    private JsonKinds() {
    }

    static String describe(JsonNode json) {
        if (json == null || json.isMissingNode()) {
            return "nothing";
        }
        return switch (json.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean " + json.booleanValue();
            case NUMBER -> "number " + excerpt(json.asText());
            case STRING -> "string " + quote(json.textValue());
            case ARRAY -> "an array of " + json.size();
            case OBJECT -> "an object";
            case BINARY, POJO, MISSING -> json.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String quote(String text) {
        return "\"" + excerpt(text) + "\"";
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }
}
