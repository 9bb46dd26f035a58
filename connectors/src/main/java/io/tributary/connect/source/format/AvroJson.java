package io.tributary.connect.source.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Avro value (as parquet-avro reads it) as plain JSON, in the spellings the validator reads:
 * decimals as exact numbers, timestamps as ISO-8601 instants, dates as {@code YYYY-MM-DD}, times
 * as {@code HH:MM:SS}, bytes as base64, nested records and arrays as JSON.
 */
final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AvroJson() {
    }

    static ObjectNode record(GenericRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(field.schema(), record.get(field.pos())));
        }
        return node;
    }

    static JsonNode value(Schema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL && matches(branch, value)) {
                    return value(branch, value);
                }
            }
            return NODES.textNode(value.toString());
        }
        LogicalType logical = schema.getLogicalType();
        if (logical != null) {
            JsonNode converted = logical(schema, logical, value);
            if (converted != null) {
                return converted;
            }
        }
        return switch (schema.getType()) {
            case RECORD -> record((GenericRecord) value);
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Collection<?>) value).forEach(v -> array.add(value(schema.getElementType(), v)));
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(k.toString(), value(schema.getValueType(), v)));
                yield map;
            }
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            default -> NODES.textNode(value.toString());
        };
    }

    private static boolean matches(Schema branch, Object value) {
        return switch (branch.getType()) {
            case RECORD -> value instanceof GenericRecord r && r.getSchema().getFullName().equals(branch.getFullName());
            case ARRAY -> value instanceof Collection;
            case MAP -> value instanceof Map;
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case FLOAT -> value instanceof Float;
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case BYTES -> value instanceof ByteBuffer;
            case FIXED -> value instanceof GenericFixed;
            case STRING, ENUM -> value instanceof CharSequence || value instanceof org.apache.avro.generic.GenericEnumSymbol;
            default -> false;
        };
    }

    private static JsonNode logical(Schema schema, LogicalType logical, Object value) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            byte[] unscaled = value instanceof ByteBuffer b ? bytes(b) : ((GenericFixed) value).bytes();
            return NODES.numberNode(new BigDecimal(new BigInteger(unscaled), decimal.getScale()));
        }
        return switch (logical.getName()) {
            case "date" -> NODES.textNode(LocalDate.ofEpochDay((Integer) value).toString());
            case "time-millis" -> NODES.textNode(LocalTime.ofNanoOfDay((Integer) value * 1_000_000L).toString());
            case "time-micros" -> NODES.textNode(LocalTime.ofNanoOfDay((Long) value * 1_000L).toString());
            case "timestamp-millis" -> NODES.textNode(Instant.ofEpochMilli((Long) value).toString());
            case "timestamp-micros" -> NODES.textNode(micros((Long) value).toString());
            case "timestamp-nanos" -> NODES.textNode(Instant.ofEpochSecond(0, (Long) value).toString());
            case "local-timestamp-millis" -> NODES.textNode(LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC).toString());
            case "local-timestamp-micros" -> NODES.textNode(LocalDateTime.ofInstant(micros((Long) value), ZoneOffset.UTC).toString());
            case "uuid" -> NODES.textNode(value.toString());
            default -> null;
        };
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
