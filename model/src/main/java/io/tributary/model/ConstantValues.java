package io.tributary.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.avro.Schema;

/**
 * Constants written in a descriptor ({@code constant:} mappings, lookup defaults) as the Avro value
 * of a field: numbers, booleans ({@code true}/{@code false}), text, enum symbols, timestamps
 * (ISO-8601 instants such as {@code 2024-01-31T00:00:00Z}) and dates ({@code 2024-01-31});
 * {@code null} where the field allows null.
 */
public final class ConstantValues {
    private ConstantValues() {
    }

    /** The value, or {@link IllegalArgumentException} saying why {@code text} does not fit the field. */
    public static Object parse(String text, Schema field) {
        if (text == null || text.equals("null")) {
            if (AvroTypes.isNullable(field)) {
                return null;
            }
            throw new IllegalArgumentException("null does not fit a field of type " + AvroTypes.kind(field) + " that does not allow null");
        }
        Schema s = AvroTypes.nonNull(field);
        String kind = AvroTypes.kind(s);
        try {
            return switch (kind) {
                case "string" -> text;
                case "enum" -> {
                    if (!s.getEnumSymbols().contains(text)) {
                        throw new IllegalArgumentException("'" + text + "' is not a symbol of enum " + s.getFullName() + " " + s.getEnumSymbols());
                    }
                    yield new org.apache.avro.generic.GenericData.EnumSymbol(s, text);
                }
                case "int" -> Integer.parseInt(text.trim());
                case "long" -> Long.parseLong(text.trim());
                case "float" -> Float.parseFloat(text.trim());
                case "double" -> Double.parseDouble(text.trim());
                case "boolean" -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("'" + text + "' is not true or false");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case "timestamp" -> {
                    Instant instant = Instant.parse(text.trim());
                    yield s.getLogicalType().getName().equals("timestamp-micros")
                            ? instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L
                            : instant.toEpochMilli();
                }
                case "date" -> (int) LocalDate.parse(text.trim()).toEpochDay();
                default -> throw new IllegalArgumentException("constants of type " + kind + " are not supported; derive the value with an expression");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + kind + (kind.equals("timestamp")
                    ? " (ISO-8601, e.g. 2024-01-31T00:00:00Z)" : kind.equals("date") ? " (e.g. 2024-01-31)" : ""));
        }
    }
}
