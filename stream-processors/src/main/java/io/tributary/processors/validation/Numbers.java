package io.tributary.processors.validation;

import java.math.BigDecimal;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;

/**
 * Values to Avro's numeric types. Integers must be whole numbers within range ({@code 3.0} is
 * whole; {@code 3.5} is not); floats and doubles take any number that fits. Text stands for a
 * number where the options allow it (CSV always, lenient JSON and Avro), read exactly.
 */
final class Numbers {
    static final int MAX_NUMBER_TEXT = 1000;

    private Numbers() {
    }

    static int toInt(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        JsonNode number = number(json, path, s, options);
        long value = whole(number, json, path, s, 10);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(json, path, s);
        }
        return (int) value;
    }

    static long toLong(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        return whole(number(json, path, s, options), json, path, s, 19);
    }

    static float toFloat(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        float value = number(json, path, s, options).floatValue();
        if (Float.isInfinite(value)) {
            throw outOfRange(json, path, s);
        }
        return value;
    }

    static double toDouble(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        double value = number(json, path, s, options).doubleValue();
        if (Double.isInfinite(value)) {
            throw outOfRange(json, path, s);
        }
        return value;
    }

    /** The value as a JSON number: itself, or text read as an exact decimal where text may stand for a number. */
    static JsonNode number(JsonNode json, FieldPath path, Schema s, ConversionOptions options) {
        if (json.isNumber()) {
            return json;
        }
        if (json.isTextual() && options.textForAnyType()) {
            return DecimalNode.valueOf(parse(json.textValue(), options, path, json));
        }
        throw JsonToAvroConverter.wrongType(s, json, path);
    }

    /** Numeric text as an exact decimal; lenient coercion allows spaces around it. */
    static BigDecimal parse(String text, ConversionOptions options, FieldPath path, JsonNode json) {
        String t = options.lenient() ? text.strip() : text;
        if (t.length() > MAX_NUMBER_TEXT) {
            throw new ConversionException(RejectReason.OUT_OF_RANGE, path, "a number as text may have at most "
                    + MAX_NUMBER_TEXT + " characters, not " + t.length());
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new ConversionException(RejectReason.BAD_VALUE, path, JsonKinds.describe(json) + " is not a number");
        }
    }

    /** A whole number as a long; {@code maxDigits} guards against huge exponents before converting. */
    private static long whole(JsonNode number, JsonNode original, FieldPath path, Schema s, int maxDigits) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return number.longValue();
        }
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        if (value.signum() == 0) {
            return 0;
        }
        if (value.scale() > 0) {
            throw new ConversionException(RejectReason.WRONG_TYPE, path, "expected a whole number (" + TypeNames.of(s)
                    + "), found " + JsonKinds.describe(original));
        }
        if (value.precision() - value.scale() > maxDigits) {
            throw outOfRange(original, path, s);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(original, path, s);
        }
    }

    static ConversionException outOfRange(JsonNode json, FieldPath path, Schema s) {
        return new ConversionException(RejectReason.OUT_OF_RANGE, path, JsonKinds.describe(json) + " is out of range for "
                + TypeNames.of(s));
    }
}
