package io.tributary.processors.validation;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Booleans and strings across kinds: what text may stand for a boolean, what becomes text. */
final class TextCoercion {
    private static final Set<String> LENIENT_TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> LENIENT_FALSE = Set.of("false", "no", "n", "0");

    private TextCoercion() {
    }

    static boolean toBoolean(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isTextual() && options.textForAnyType()) {
            String text = json.textValue();
            if (options.lenient()) {
                String t = text.strip().toLowerCase(Locale.ROOT);
                if (LENIENT_TRUE.contains(t) || LENIENT_FALSE.contains(t)) {
                    return LENIENT_TRUE.contains(t);
                }
            } else if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new ConversionException(RejectReason.BAD_VALUE, path, JsonKinds.describe(json) + " is not a boolean ("
                    + (options.lenient() ? "true/false, yes/no, y/n or 1/0, in any case" : "true or false") + ")");
        }
        if (json.isIntegralNumber() && options.lenient() && (json.asLong() == 0 || json.asLong() == 1) && json.canConvertToLong()) {
            return json.asLong() == 1;
        }
        throw JsonToAvroConverter.wrongType(s, json, path);
    }

    static String toText(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        if (json.isTextual()) {
            return json.textValue();
        }
        if (options.lenient() && json.isNumber()) {
            return json.isBigDecimal() ? plain(json.decimalValue()) : json.asText();
        }
        if (options.lenient() && json.isBoolean()) {
            return Boolean.toString(json.booleanValue());
        }
        throw JsonToAvroConverter.wrongType(s, json, path);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
