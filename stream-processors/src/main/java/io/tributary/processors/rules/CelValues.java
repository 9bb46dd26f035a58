package io.tributary.processors.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;

/**
 * An Avro value as the CEL value of the type {@link io.tributary.model.RuleTypes} declares for it:
 * decimals as doubles, timestamps and dates as instants, times of day as durations, enums as
 * strings, records and maps as maps, null as CEL's null.
 */
public final class CelValues {
    private CelValues() {
    }

    public static Object of(Object value, Schema s) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (s.getType() == Schema.Type.UNION) {
            return of(value, s.getTypes().get(GenericData.get().resolveUnion(s, value)));
        }
        LogicalType logical = s.getLogicalType();
        if (logical != null) {
            Object converted = logical(value, s, logical);
            if (converted != null) {
                return converted;
            }
        }
        return switch (s.getType()) {
            case STRING, ENUM -> value.toString();
            case INT -> ((Integer) value).longValue();
            case LONG -> value;
            case FLOAT -> ((Float) value).doubleValue();
            case DOUBLE, BOOLEAN -> value;
            case BYTES -> CelByteString.of(bytes((ByteBuffer) value));
            case FIXED -> CelByteString.of(((GenericFixed) value).bytes());
            case NULL -> NullValue.NULL_VALUE;
            case ARRAY -> {
                Collection<?> elements = (Collection<?>) value;
                List<Object> list = new ArrayList<>(elements.size());
                for (Object element : elements) {
                    list.add(of(element, s.getElementType()));
                }
                yield list;
            }
            case MAP -> {
                Map<String, Object> map = new HashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    map.put(entry.getKey().toString(), of(entry.getValue(), s.getValueType()));
                }
                yield map;
            }
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                Map<String, Object> map = new HashMap<>();
                for (Schema.Field field : s.getFields()) {
                    map.put(field.name(), of(record.get(field.pos()), field.schema()));
                }
                yield map;
            }
            case UNION -> throw new IllegalStateException("unions are resolved above");
        };
    }

    private static Object logical(Object value, Schema s, LogicalType logical) {
        String name = logical.getName();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            byte[] unscaled = value instanceof ByteBuffer buffer ? bytes(buffer) : ((GenericFixed) value).bytes();
            return new BigDecimal(new BigInteger(unscaled), decimal.getScale()).doubleValue();
        }
        return switch (name) {
            case "timestamp-millis", "local-timestamp-millis" -> Instant.ofEpochMilli((Long) value);
            case "timestamp-micros", "local-timestamp-micros" -> epoch((Long) value, 1_000_000L);
            case "timestamp-nanos", "local-timestamp-nanos" -> epoch((Long) value, 1_000_000_000L);
            case "date" -> Instant.ofEpochSecond((Integer) value * 86_400L);
            case "time-millis" -> Duration.ofMillis((Integer) value);
            case "time-micros" -> Duration.ofNanos((Long) value * 1_000L);
            case "uuid" -> value.toString();
            default -> null;
        };
    }

    private static Instant epoch(long value, long perSecond) {
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
