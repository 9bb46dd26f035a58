package io.tributary.processors.ods;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

import dev.cel.common.values.NullValue;
import io.tributary.model.AvroTypes;

/**
 * Turns a value into the Avro value of an entity field: as it is (with Avro's promotions), by a
 * declared cast, or from a CEL result. Throws {@link IllegalArgumentException} with what does not
 * fit; the caller turns it into a {@link MappingFailure}.
 */
final class AvroConversions {
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private AvroConversions() {
    }

    /** A value of {@code from} for a field of {@code to}, where the loader found them assignable. */
    static Object assign(Object value, Schema from, Schema to) {
        if (value == null) {
            return nullFor(to);
        }
        Schema f = branch(from, value);
        Schema t = AvroTypes.nonNull(to);
        String fk = AvroTypes.kind(f);
        String tk = AvroTypes.kind(t);
        if (fk.equals(tk)) {
            return tk.equals("enum") ? new GenericData.EnumSymbol(t, value.toString()) : value;
        }
        return switch (tk) {
            case "long" -> ((Number) value).longValue();
            case "float" -> ((Number) value).floatValue();
            case "double" -> ((Number) value).doubleValue();
            case "string" -> value.toString();
            default -> throw new IllegalArgumentException("a " + fk + " does not fit a " + tk + " field");
        };
    }

    /** {@code cast:} a value of {@code from} converted to the kind of field {@code to}. */
    static Object cast(Object value, Schema from, Schema to) {
        if (value == null) {
            return nullFor(to);
        }
        Schema f = branch(from, value);
        Schema t = AvroTypes.nonNull(to);
        String fk = AvroTypes.kind(f);
        String tk = AvroTypes.kind(t);
        if (fk.equals(tk)) {
            return value;
        }
        if (tk.equals("string")) {
            return text(value, f);
        }
        if (fk.equals("string")) {
            return parse(value.toString().trim(), t, tk);
        }
        Number number = fk.equals("decimal") ? decimal(value, f) : (Number) value;
        return switch (tk) {
            case "int" -> exactInt(number);
            case "long", "timestamp" -> exactLong(number);
            case "date" -> exactInt(number);
            case "float" -> number.floatValue();
            case "double" -> number.doubleValue();
            case "decimal" -> toDecimal(new BigDecimal(number.toString()), t);
            default -> throw new IllegalArgumentException("a " + fk + " cannot be cast to " + tk);
        };
    }

    /** A CEL result as the value of field {@code to}; the loader checked the type where it was known. */
    static Object fromCel(Object result, Schema to) {
        if (result == null || result instanceof NullValue) {
            return nullFor(to);
        }
        Schema t = AvroTypes.nonNull(to);
        String tk = AvroTypes.kind(t);
        return switch (tk) {
            case "string" -> requireType(result, String.class, tk);
            case "enum" -> new GenericData.EnumSymbol(t, requireType(result, String.class, tk));
            case "boolean" -> requireType(result, Boolean.class, tk);
            case "int" -> exactInt(requireType(result, Long.class, tk));
            case "long" -> requireType(result, Long.class, tk);
            case "float" -> requireNumber(result, tk).floatValue();
            case "double" -> requireNumber(result, tk).doubleValue();
            case "decimal" -> toDecimal(BigDecimal.valueOf(requireNumber(result, tk).doubleValue()), t);
            case "timestamp" -> timestamp(requireType(result, Instant.class, tk), t);
            case "date" -> (int) Math.floorDiv(requireType(result, Instant.class, tk).getEpochSecond(), 86_400L);
            default -> {
                throw new IllegalArgumentException("an expression cannot fill a field of type " + tk);
            }
        };
    }

    private static Object nullFor(Schema to) {
        if (!AvroTypes.isNullable(to)) {
            throw new IllegalArgumentException("the value is null but the field does not allow null");
        }
        return null;
    }

    private static Schema branch(Schema s, Object value) {
        return s.getType() == Schema.Type.UNION ? s.getTypes().get(GenericData.get().resolveUnion(s, value)) : s;
    }

    private static String text(Object value, Schema f) {
        return switch (AvroTypes.kind(f)) {
            case "decimal" -> decimal(value, f).toPlainString();
            case "timestamp" -> (f.getLogicalType().getName().equals("timestamp-micros")
                    ? Instant.ofEpochSecond(Math.floorDiv((Long) value, 1_000_000L), Math.floorMod((Long) value, 1_000_000L) * 1_000L)
                    : Instant.ofEpochMilli((Long) value)).toString();
            case "date" -> LocalDate.ofEpochDay((Integer) value).toString();
            default -> value.toString();
        };
    }

    private static Object parse(String text, Schema t, String tk) {
        try {
            return switch (tk) {
                case "int" -> Integer.parseInt(text);
                case "long" -> Long.parseLong(text);
                case "float" -> Float.parseFloat(text);
                case "double" -> Double.parseDouble(text);
                case "decimal" -> toDecimal(new BigDecimal(text), t);
                case "boolean" -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException("'" + text + "' is not true or false");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case "timestamp" -> timestamp(Instant.parse(text), t);
                case "date" -> (int) LocalDate.parse(text).toEpochDay();
                default -> throw new IllegalArgumentException("text cannot be cast to " + tk);
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + tk);
        }
    }

    private static Object timestamp(Instant instant, Schema t) {
        return t.getLogicalType().getName().equals("timestamp-micros")
                ? instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L
                : instant.toEpochMilli();
    }

    private static BigDecimal decimal(Object value, Schema f) {
        LogicalTypes.Decimal d = (LogicalTypes.Decimal) f.getLogicalType();
        return value instanceof ByteBuffer b ? DECIMALS.fromBytes(b.duplicate(), f, d) : DECIMALS.fromFixed((GenericFixed) value, f, d);
    }

    private static Object toDecimal(BigDecimal value, Schema t) {
        LogicalTypes.Decimal d = (LogicalTypes.Decimal) t.getLogicalType();
        BigDecimal scaled = value.setScale(d.getScale(), RoundingMode.HALF_EVEN);
        if (scaled.precision() > d.getPrecision()) {
            throw new IllegalArgumentException(value + " has more digits than decimal(" + d.getPrecision() + "," + d.getScale() + ")");
        }
        return t.getType() == Schema.Type.FIXED ? DECIMALS.toFixed(scaled, t, d) : DECIMALS.toBytes(scaled, t, d);
    }

    private static int exactInt(Number n) {
        long l = exactLong(n);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " does not fit an int");
        }
        return (int) l;
    }

    private static long exactLong(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(n.toString());
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(n + " is not a whole number that fits a long");
            }
        }
        return n.longValue();
    }

    private static <T> T requireType(Object value, Class<T> type, String kind) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("the expression gave " + value + " (" + value.getClass().getSimpleName() + "), not a " + kind);
        }
        return type.cast(value);
    }

    private static Number requireNumber(Object value, String kind) {
        if (!(value instanceof Long) && !(value instanceof Double)) {
            throw new IllegalArgumentException("the expression gave " + value + " (" + value.getClass().getSimpleName() + "), not a " + kind);
        }
        return (Number) value;
    }
}
