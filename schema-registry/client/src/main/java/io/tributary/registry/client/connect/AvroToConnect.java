package io.tributary.registry.client.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and values to Connect. A union of null and one type is that type, optional;
 * other unions become a struct with one optional field per branch (named after the branch's
 * type), of which the value sets one. Enums become strings, fixed types bytes, and the logical
 * types decimal, date, time-millis and timestamp-millis Connect's own logical types.
 */
final class AvroToConnect {
    private final Map<org.apache.avro.Schema, Schema> cache = new ConcurrentHashMap<>();

    Schema schema(org.apache.avro.Schema avro) {
        return cache.computeIfAbsent(avro, a -> convert(a, false));
    }

    private Schema convert(org.apache.avro.Schema avro, boolean optional) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> branches = avro.getTypes();
            List<org.apache.avro.Schema> nonNull = branches.stream()
                    .filter(b -> b.getType() != org.apache.avro.Schema.Type.NULL).toList();
            boolean nullable = nonNull.size() < branches.size();
            if (nonNull.size() == 1) {
                return convert(nonNull.get(0), optional || nullable);
            }
            SchemaBuilder union = SchemaBuilder.struct().name(ConnectToAvro.NAMESPACE + ".Union");
            for (org.apache.avro.Schema branch : nonNull) {
                union.field(branchName(branch), convert(branch, true));
            }
            return finish(union, optional || nullable);
        }
        LogicalType logical = avro.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            SchemaBuilder builder = Decimal.builder(decimal.getScale())
                    .parameter("connect.decimal.precision", String.valueOf(decimal.getPrecision()));
            return finish(builder, optional);
        }
        if (logical instanceof LogicalTypes.Date) {
            return finish(Date.builder(), optional);
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return finish(Time.builder(), optional);
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return finish(Timestamp.builder(), optional);
        }
        switch (avro.getType()) {
            case NULL:
                return finish(SchemaBuilder.struct().name(ConnectToAvro.NAMESPACE + ".Null"), true);
            case BOOLEAN:
                return finish(SchemaBuilder.bool(), optional);
            case INT: {
                String narrow = avro.getProp(ConnectToAvro.CONNECT_TYPE);
                if ("int8".equals(narrow)) {
                    return finish(SchemaBuilder.int8(), optional);
                }
                if ("int16".equals(narrow)) {
                    return finish(SchemaBuilder.int16(), optional);
                }
                return finish(SchemaBuilder.int32(), optional);
            }
            case LONG:
                return finish(SchemaBuilder.int64(), optional);
            case FLOAT:
                return finish(SchemaBuilder.float32(), optional);
            case DOUBLE:
                return finish(SchemaBuilder.float64(), optional);
            case STRING:
            case ENUM:
                return finish(SchemaBuilder.string(), optional);
            case BYTES:
            case FIXED:
                return finish(SchemaBuilder.bytes(), optional);
            case ARRAY:
                return finish(SchemaBuilder.array(convert(avro.getElementType(), false)), optional);
            case MAP:
                return finish(SchemaBuilder.map(Schema.STRING_SCHEMA, convert(avro.getValueType(), false)), optional);
            case RECORD: {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                if (avro.getDoc() != null) {
                    struct.doc(avro.getDoc());
                }
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), convert(field.schema(), false));
                }
                return finish(struct, optional);
            }
            default:
                throw new DataException("Avro type " + avro.getType() + " has no Connect equivalent");
        }
    }

    private static Schema finish(SchemaBuilder builder, boolean optional) {
        return optional ? builder.optional().build() : builder.build();
    }

    private static String branchName(org.apache.avro.Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getName();
            default -> branch.getType().getName();
        };
    }

    /** The Connect value of an Avro value read with schema {@code avro}. */
    Object value(org.apache.avro.Schema avro, Schema connect, Object value) {
        if (value == null) {
            return null;
        }
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            int index = GenericData.get().resolveUnion(avro, value);
            org.apache.avro.Schema branch = avro.getTypes().get(index);
            if (connect.type() != Schema.Type.STRUCT || !(ConnectToAvro.NAMESPACE + ".Union").equals(connect.name())) {
                return value(branch, connect, value);
            }
            Struct union = new Struct(connect);
            Field field = connect.field(branchName(branch));
            union.put(field, value(branch, field.schema(), value));
            return union;
        }
        LogicalType logical = avro.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return new BigDecimal(new BigInteger(bytes(value)), decimal.getScale());
        }
        if (logical instanceof LogicalTypes.Date) {
            return new java.util.Date(TimeUnit.DAYS.toMillis(((Number) value).longValue()));
        }
        if (logical instanceof LogicalTypes.TimeMillis || logical instanceof LogicalTypes.TimestampMillis) {
            return new java.util.Date(((Number) value).longValue());
        }
        switch (connect.type()) {
            case INT8:
                return ((Number) value).byteValue();
            case INT16:
                return ((Number) value).shortValue();
            case STRING:
                return value instanceof GenericEnumSymbol<?> || value instanceof CharSequence ? value.toString() : value;
            case BYTES:
                return bytes(value);
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(value(avro.getElementType(), connect.valueSchema(), item));
                }
                return items;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), value(avro.getValueType(), connect.valueSchema(), v)));
                return map;
            }
            case STRUCT: {
                GenericRecord record = (GenericRecord) value;
                Struct struct = new Struct(connect);
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    Field target = connect.field(field.name());
                    struct.put(target, value(field.schema(), target.schema(), record.get(field.pos())));
                }
                return struct;
            }
            default:
                return value;
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        if (value instanceof GenericFixed fixed) {
            return fixed.bytes();
        }
        return (byte[]) value;
    }
}
