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
import java.time.ZonedDateTime;
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
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Avro logical types from a tree value: timestamps and dates from ISO-8601 text or epoch numbers,
 * times of day, decimals from numbers or numeric text (in either coercion mode: many producers
 * send decimals as text to keep their digits), UUIDs. The result is Avro's underlying
 * representation (long, int, bytes, fixed, string). Other logical types are left to their
 * underlying type.
 */
final class LogicalValues {
    private static final Set<String> HANDLED = Set.of("decimal", "uuid", "date", "time-millis", "time-micros",
            "timestamp-millis", "timestamp-micros", "timestamp-nanos",
            "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_DECIMAL_TEXT = Numbers.MAX_NUMBER_TEXT;
    private static final Pattern EPOCH_TEXT = Pattern.compile("-?[0-9]{1,19}");
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** A local date-time with an optional offset and an optional region: {@code 2024-01-15T12:00:00[Europe/Brussels]}. */
    private static final DateTimeFormatter ZONED = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter();
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private LogicalValues() {
    }

    static boolean handles(LogicalType logical) {
        return HANDLED.contains(logical.getName());
    }

    static Object convert(Schema s, LogicalType logical, JsonNode json, FieldPath path, ConversionOptions options) {
        if (json.isTextual() && options.lenient()) {
            String stripped = json.textValue().strip();
            if (!stripped.equals(json.textValue())) {
                json = TextNode.valueOf(stripped);
            }
            if (isEpochText(logical, stripped)) {
                json = Numbers.number(json, path, s, options);
            }
        }
        return switch (logical.getName()) {
            case "decimal" -> decimal(s, (LogicalTypes.Decimal) logical, json, path);
            case "uuid" -> uuid(s, json, path);
            case "date" -> date(s, json, path, options);
            case "time-millis" -> json.isTextual()
                    ? (int) (time(s, json, path).toNanoOfDay() / 1_000_000)
                    : (int) withinDay(Numbers.toInt(json, path, s, options), MILLIS_PER_DAY, json, path, s);
            case "time-micros" -> json.isTextual()
                    ? time(s, json, path).toNanoOfDay() / 1_000
                    : withinDay(Numbers.toLong(json, path, s, options), MILLIS_PER_DAY * 1_000, json, path, s);
            case "timestamp-millis", "timestamp-micros", "timestamp-nanos" -> json.isTextual()
                    ? epoch(instant(s, json, path, options), logical.getName(), json, path, s)
                    : Numbers.toLong(json, path, s, options);
            case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" -> json.isTextual()
                    ? epoch(localDateTime(s, json, path, options).toInstant(ZoneOffset.UTC), logical.getName(), json, path, s)
                    : Numbers.toLong(json, path, s, options);
            default -> throw new IllegalStateException("logical type " + logical.getName() + " is not handled here");
        };
    }

    /** Lenient coercion reads all-digit text for a timestamp, date or time as the epoch number it spells. */
    private static boolean isEpochText(LogicalType logical, String text) {
        return !logical.getName().equals("decimal") && !logical.getName().equals("uuid") && EPOCH_TEXT.matcher(text).matches();
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
            throw new ConversionException(RejectReason.OUT_OF_RANGE, path, excerpt(value) + " has too many digits before the decimal point for "
                    + TypeNames.of(s) + " (at most " + (precision - scale) + ")");
        }
        BigDecimal scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        if (s.getType() == Schema.Type.FIXED) {
            try {
                return DECIMALS.toFixed(scaled, s, type);
            } catch (AvroRuntimeException e) {
                throw new ConversionException(RejectReason.OUT_OF_RANGE, path, excerpt(value) + " does not fit " + s.getFixedSize() + " bytes: " + e.getMessage());
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

    private static int date(Schema s, JsonNode json, FieldPath path, ConversionOptions options) {
        if (!json.isTextual()) {
            return Numbers.toInt(json, path, s, options);
        }
        try {
            long day = LocalDate.parse(json.textValue(), DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
            if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
                throw new ConversionException(RejectReason.OUT_OF_RANGE, path, JsonKinds.describe(json) + " is out of range for "
                        + TypeNames.of(s));
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

    /**
     * An instant from ISO-8601 text with an offset ({@code Z}, {@code +02:00}) or a region
     * ({@code 2024-05-31T13:45:00+02:00[Europe/Brussels]}). Text without either names no instant:
     * strict coercion rejects it, lenient coercion places it (or a date alone, at midnight) in the
     * dataset's time zone as {@link java.time.ZonedDateTime#of} does: the earlier offset in an
     * autumn overlap, moved forward by the length of a spring gap.
     */
    private static Instant instant(Schema s, JsonNode json, FieldPath path, ConversionOptions options) {
        String text = json.textValue();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // not an offset date-time; try the other spellings below
        }
        try {
            return ZonedDateTime.parse(text, ZONED).toInstant();
        } catch (DateTimeParseException e) {
            // neither
        }
        LocalDateTime local = parseLocal(text);
        if (local == null && options.lenient()) {
            LocalDate date = parseDate(text);
            local = date == null ? null : date.atStartOfDay();
        }
        if (local != null && options.lenient()) {
            return local.atZone(options.timeZone()).toInstant();
        }
        if (local != null) {
            throw badValue(path, JsonKinds.describe(json) + " has no UTC offset: end it with Z or an offset like +02:00");
        }
        throw badValue(path, JsonKinds.describe(json)
                + " is not an ISO-8601 timestamp like 2024-05-31T13:45:00Z or 2024-05-31T15:45:00.250+02:00");
    }

    /** A local date-time; lenient coercion also takes text with an offset, as the local time in the dataset's time zone. */
    private static LocalDateTime localDateTime(Schema s, JsonNode json, FieldPath path, ConversionOptions options) {
        LocalDateTime local = parseLocal(json.textValue());
        if (local != null) {
            return local;
        }
        if (options.lenient()) {
            try {
                return OffsetDateTime.parse(json.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .atZoneSameInstant(options.timeZone()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                // fall through to the rejection
            }
        }
        throw badValue(path, JsonKinds.describe(json)
                + " is not a local ISO-8601 date-time like 2024-05-31T13:45:00 (no offset)");
    }

    private static LocalDateTime parseLocal(String text) {
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
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
            throw new ConversionException(RejectReason.OUT_OF_RANGE, path, JsonKinds.describe(json) + " is out of range for "
                    + TypeNames.of(s));
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
