package io.tributary.processors.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A decoded Avro value as a tree for the converter. Logical values become their canonical text
 * (timestamps as ISO-8601 instants, dates, times) or exact numbers (decimals), so that the
 * writer's unit or representation never leaks into the staging record: a writer's
 * {@code timestamp-micros} lands exactly in a staging {@code timestamp-millis} field only if it
 * has no sub-millisecond digits, as with any other format.
 */
final class AvroTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AvroTrees() {
    }

    static JsonNode toTree(Object value, Schema s) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (s.getType() == Schema.Type.UNION) {
            return toTree(value, s.getTypes().get(GenericData.get().resolveUnion(s, value)));
        }
        LogicalType logical = s.getLogicalType();
        if (logical != null) {
            JsonNode logicalValue = logical(value, s, logical);
            if (logicalValue != null) {
                return logicalValue;
            }
        }
        return switch (s.getType()) {
            case RECORD -> {
                ObjectNode object = NODES.objectNode();
                GenericRecord record = (GenericRecord) value;
                for (Schema.Field field : s.getFields()) {
                    object.set(field.name(), toTree(record.get(field.pos()), field.schema()));
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) value) {
                    array.add(toTree(element, s.getElementType()));
                }
                yield array;
            }
            case MAP -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), toTree(entry.getValue(), s.getValueType()));
                }
                yield object;
            }
            case STRING, ENUM -> NODES.textNode(value.toString());
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.binaryNode(bytes((ByteBuffer) value));
            case FIXED -> NODES.binaryNode(((GenericFixed) value).bytes());
            case NULL -> NODES.nullNode();
            case UNION -> throw new IllegalStateException("unions are resolved above");
        };
    }

    private static JsonNode logical(Object value, Schema s, LogicalType logical) {
        return switch (logical.getName()) {
            case "decimal" -> {
                byte[] unscaled = value instanceof ByteBuffer buffer ? bytes(buffer) : ((GenericFixed) value).bytes();
                yield NODES.numberNode(new BigDecimal(new BigInteger(unscaled), ((LogicalTypes.Decimal) logical).getScale()));
            }
            case "timestamp-millis" -> NODES.textNode(Instant.ofEpochMilli((Long) value).toString());
            case "timestamp-micros" -> NODES.textNode(instant((Long) value, 1_000_000L).toString());
            case "timestamp-nanos" -> NODES.textNode(instant((Long) value, 1_000_000_000L).toString());
            case "local-timestamp-millis" -> NODES.textNode(local(Instant.ofEpochMilli((Long) value)).toString());
            case "local-timestamp-micros" -> NODES.textNode(local(instant((Long) value, 1_000_000L)).toString());
            case "local-timestamp-nanos" -> NODES.textNode(local(instant((Long) value, 1_000_000_000L)).toString());
            case "date" -> NODES.textNode(LocalDate.ofEpochDay((Integer) value).toString());
            case "time-millis" -> NODES.textNode(LocalTime.ofNanoOfDay((Integer) value * 1_000_000L).toString());
            case "time-micros" -> NODES.textNode(LocalTime.ofNanoOfDay((Long) value * 1_000L).toString());
            default -> null;
        };
    }

    private static Instant instant(long value, long perSecond) {
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
