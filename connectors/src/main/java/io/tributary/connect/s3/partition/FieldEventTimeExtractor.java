package io.tributary.connect.s3.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

/**
 * Reads the event time from a top-level field of the value. Understood: Avro {@code long} with
 * logical type {@code timestamp-millis}, {@code timestamp-micros}, {@code local-timestamp-*} (read
 * in the configured time zone) or none (epoch milliseconds); {@code int} with logical type
 * {@code date}; strings in ISO-8601 (instant, offset date-time, local date-time or date). A null
 * value falls back to the Kafka record timestamp, since optional event times are common in
 * landing data; a field the schema lacks or cannot hold a time is an error of the record.
 */
public final class FieldEventTimeExtractor implements EventTimeExtractor {
    private final String field;
    private final ZoneId zone;
    private final RecordTimestampExtractor fallback = new RecordTimestampExtractor();

    public FieldEventTimeExtractor(String field, ZoneId zone) {
        this.field = field;
        this.zone = zone;
    }

    @Override
    public String describe() {
        return "field " + field;
    }

    @Override
    public java.util.List<String> fields() {
        return java.util.List.of(field);
    }

    @Override
    public long eventTimeMillis(GenericRecord value, Long kafkaTimestamp) {
        Schema.Field f = value.getSchema().getField(field);
        if (f == null) {
            throw new BadRecordException(RejectReason.MISSING_FIELD, field, "event-time field '" + field
                    + "' is not in schema " + value.getSchema().getFullName());
        }
        Object raw = value.get(f.pos());
        if (raw == null) {
            return fallback.eventTimeMillis(value, kafkaTimestamp);
        }
        Schema schema = nonNull(f.schema());
        LogicalType logical = schema.getLogicalType();
        String logicalName = logical == null ? "" : logical.getName();
        return switch (schema.getType()) {
            case LONG -> switch (logicalName) {
                case "timestamp-micros" -> TimeUnit.MICROSECONDS.toMillis((Long) raw);
                case "timestamp-nanos" -> TimeUnit.NANOSECONDS.toMillis((Long) raw);
                case "local-timestamp-millis" -> LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) raw), ZoneId.of("UTC"))
                        .atZone(zone).toInstant().toEpochMilli();
                case "local-timestamp-micros" -> LocalDateTime.ofInstant(Instant.ofEpochMilli(TimeUnit.MICROSECONDS.toMillis((Long) raw)),
                        ZoneId.of("UTC")).atZone(zone).toInstant().toEpochMilli();
                default -> (Long) raw;
            };
            case INT -> {
                if ("date".equals(logicalName)) {
                    yield LocalDate.ofEpochDay((Integer) raw).atStartOfDay(zone).toInstant().toEpochMilli();
                }
                throw new BadRecordException(RejectReason.WRONG_TYPE, field, "event-time field '" + field
                        + "' is an int without logical type date");
            }
            case STRING -> parse(raw.toString());
            default -> throw new BadRecordException(RejectReason.WRONG_TYPE, field, "event-time field '" + field + "' has type " + schema.getType()
                    + ", which holds no time (use a long timestamp, an int date or an ISO-8601 string)");
        };
    }

    private long parse(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadRecordException(RejectReason.WRONG_TYPE, field, "event-time field '" + field
                    + "' value '" + text + "' is not an ISO-8601 date or time");
        }
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }
}
