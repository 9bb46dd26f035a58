package io.tributary.processors.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Avro logical types from JSON: timestamps and dates from ISO-8601 text or epoch numbers, times of
 * day, decimals from JSON numbers or numeric text, UUIDs. The result is Avro's underlying
 * representation (long, int, bytes, fixed, string). Other logical types are left to their
 * underlying type.
 */
final class LogicalValues {
    private static final Set<String> HANDLED = Set.of("decimal", "uuid", "date", "time-millis", "time-micros",
            "timestamp-millis", "timestamp-micros", "timestamp-nanos",
            "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_DECIMAL_TEXT = 1000;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private LogicalValues() {
    }

    static boolean handles(LogicalType logical) {
        return HANDLED.contains(logical.getName());
    }

    static Object convert(Schema s, LogicalType logical, JsonNode json, FieldPath path) {
        return switch (logical.getName()) {
            case "decimal" -> decimal(s, (LogicalTypes.Decimal) logical, json, path);
            case "uuid" -> uuid(s, json, path);
            case "date" -> date(s, json, path);
            case "time-millis" -> json.isTextual()
                    ? (int) (time(s, json, path).toNanoOfDay() / 1_000_000)
                    : (int) withinDay(Numbers.toInt(json, path, s), MILLIS_PER_DAY, json, path, s);
            case "time-micros" -> json.isTextual()
                    ? time(s, json, path).toNanoOfDay() / 1_000
                    : withinDay(Numbers.toLong(json, path, s), MILLIS_PER_DAY * 1_000, json, path, s);
            case "timestamp-millis", "timestamp-micros", "timestamp-nanos" -> json.isTextual()
                    ? epoch(instant(s, json, path), logical.getName(), json, path, s)
                    : Numbers.toLong(json, path, s);
            case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" -> json.isTextual()
                    ? epoch(localDateTime(s, json, path).toInstant(ZoneOffset.UTC), logical.getName(), json, path, s)
                    : Numbers.toLong(json, path, s);
            default -> throw new IllegalStateException("logical type " + logical.getName() + " is not handled here");
        };
    }

    private static Object decimal(Schema s, LogicalTypes.Decimal type, JsonNode json, FieldPath path) {
        BigDecimal value;
        if (json.isNumber()) {
            value = json.decimalValue();
        } else if (json.isTextual()) {
            String text = json.textValue();
            if (text.length() > MAX_DECIMAL_TEXT) {
                throw badValue(path, "a decimal as text may have at most " + MAX_DECIMAL_TEXT + " characters, not " + text.length());
            }
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw badValue(path, JsonKinds.describe(json) + " is not a decimal number");
            }
        } else {
            throw JsonToAvroConverter.wrongType(s, json, path);
        }
        int scale = type.getScale();
        int precision = type.getPrecision();
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() != 0 && stripped.scale() > scale) {
            throw badValue(path, excerpt(value) + " has " + stripped.scale() + " decimal places; "
                    + TypeNames.of(s) + " allows " + scale);
        }
        if (stripped.signum() != 0 && stripped.precision() - stripped.scale() > precision - scale) {
            throw badValue(path, excerpt(value) + " has too many digits before the decimal point for "
                    + TypeNames.of(s) + " (at most " + (precision - scale) + ")");
        }
        BigDecimal scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        if (s.getType() == Schema.Type.FIXED) {
            try {
                return DECIMALS.toFixed(scaled, s, type);
            } catch (AvroRuntimeException e) {
                throw badValue(path, excerpt(value) + " does not fit " + s.getFixedSize() + " bytes: " + e.getMessage());
            }
        }
        return ByteBuffer.wrap(scaled.unscaledValue().toByteArray());
    }

    private static Object uuid(Schema s, JsonNode json, FieldPath path) {
        if (!json.isTextual()) {
            throw JsonToAvroConverter.wrongType(s, json, path);
        }
        String text = json.textValue();
        if (!UUID_TEXT.matcher(text).matches()) {
            throw badValue(path, JsonKinds.quote(text) + " is not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        if (s.getType() == Schema.Type.FIXED) {
            UUID uuid = UUID.fromString(text);
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return new GenericData.Fixed(s, bytes.array());
        }
        return text;
    }

    private static int date(Schema s, JsonNode json, FieldPath path) {
        if (!json.isTextual()) {
            return Numbers.toInt(json, path, s);
        }
        try {
            long day = LocalDate.parse(json.textValue(), DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
            if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
                throw badValue(path, JsonKinds.describe(json) + " is out of range for " + TypeNames.of(s));
            }
            return (int) day;
        } catch (DateTimeParseException e) {
            throw badValue(path, JsonKinds.describe(json) + " is not a date like 2024-05-31 (YYYY-MM-DD)");
        }
    }

    private static LocalTime time(Schema s, JsonNode json, FieldPath path) {
        try {
            return LocalTime.parse(json.textValue(), DateTimeFormatter.ISO_LOCAL_TIME);
        } catch (DateTimeParseException e) {
            throw badValue(path, JsonKinds.describe(json) + " is not a time of day like 13:45:00 or 13:45:00.250");
        }
    }

    private static long withinDay(long value, long perDay, JsonNode json, FieldPath path, Schema s) {
        if (value < 0 || value >= perDay) {
            throw badValue(path, JsonKinds.describe(json) + " is not a time of day for " + TypeNames.of(s)
                    + " (0 to " + (perDay - 1) + ")");
        }
        return value;
    }

    private static Instant instant(Schema s, JsonNode json, FieldPath path) {
        String text = json.textValue();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            if (parsesAsLocal(text)) {
                throw badValue(path, JsonKinds.describe(json) + " has no UTC offset: end it with Z or an offset like +02:00");
            }
            throw badValue(path, JsonKinds.describe(json)
                    + " is not an ISO-8601 timestamp like 2024-05-31T13:45:00Z or 2024-05-31T15:45:00.250+02:00");
        }
    }

    private static LocalDateTime localDateTime(Schema s, JsonNode json, FieldPath path) {
        try {
            return LocalDateTime.parse(json.textValue(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw badValue(path, JsonKinds.describe(json)
                    + " is not a local ISO-8601 date-time like 2024-05-31T13:45:00 (no offset)");
        }
    }

    private static boolean parsesAsLocal(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Sub-unit digits are dropped toward the past, as {@link Instant#toEpochMilli()} does. */
    private static long epoch(Instant instant, String logicalName, JsonNode json, FieldPath path, Schema s) {
        try {
            if (logicalName.endsWith("millis")) {
                return instant.toEpochMilli();
            }
            long perSecond = logicalName.endsWith("micros") ? 1_000_000L : 1_000_000_000L;
            long fraction = instant.getNano() / (1_000_000_000L / perSecond);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), perSecond), fraction);
        } catch (ArithmeticException | DateTimeException e) {
            throw badValue(path, JsonKinds.describe(json) + " is out of range for " + TypeNames.of(s));
        }
    }

    private static String excerpt(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ConversionException badValue(FieldPath path, String message) {
        return new ConversionException(RejectReason.BAD_VALUE, path, message);
    }
}
