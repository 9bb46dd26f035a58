package io.tributary.processors.validation;

import java.math.BigDecimal;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON numbers to Avro's numeric types. Integers must be whole numbers within range ({@code 3.0}
 * is whole; {@code 3.5} is not); floats and doubles take any JSON number that fits.
 */
final class Numbers {
    private Numbers() {
    }

    static int toInt(JsonNode json, FieldPath path, Schema s) {
        long value = whole(json, path, s, 10);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(json, path, s);
        }
        return (int) value;
    }

    static long toLong(JsonNode json, FieldPath path, Schema s) {
        return whole(json, path, s, 19);
    }

    static float toFloat(JsonNode json, FieldPath path, Schema s) {
        if (!json.isNumber()) {
            throw JsonToAvroConverter.wrongType(s, json, path);
        }
        float value = json.floatValue();
        if (Float.isInfinite(value)) {
            throw outOfRange(json, path, s);
        }
        return value;
    }

    static double toDouble(JsonNode json, FieldPath path, Schema s) {
        if (!json.isNumber()) {
            throw JsonToAvroConverter.wrongType(s, json, path);
        }
        double value = json.doubleValue();
        if (Double.isInfinite(value)) {
            throw outOfRange(json, path, s);
        }
        return value;
    }

    /** A whole JSON number as a long; {@code maxDigits} guards against huge exponents before converting. */
    private static long whole(JsonNode json, FieldPath path, Schema s, int maxDigits) {
        if (!json.isNumber()) {
            throw JsonToAvroConverter.wrongType(s, json, path);
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        BigDecimal value = json.decimalValue().stripTrailingZeros();
        if (value.signum() == 0) {
            return 0;
        }
        if (value.scale() > 0) {
            throw new ConversionException(RejectReason.WRONG_TYPE, path, "expected a whole number (" + TypeNames.of(s)
                    + "), found " + JsonKinds.describe(json));
        }
        if (value.precision() - value.scale() > maxDigits) {
            throw outOfRange(json, path, s);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(json, path, s);
        }
    }

    private static ConversionException outOfRange(JsonNode json, FieldPath path, Schema s) {
        return new ConversionException(RejectReason.BAD_VALUE, path, JsonKinds.describe(json) + " is out of range for "
                + TypeNames.of(s));
    }
}
