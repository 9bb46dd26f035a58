package io.tributary.registry.client.connect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas and values to Avro. Optional values become unions with null (default null);
 * INT8/INT16 become Avro ints marked {@code connect.type}; Decimal, Date, Time and Timestamp
 * become Avro's logical types; maps with non-string keys become arrays of key/value records.
 * Converted schemas are cached: Connect reuses schema objects, and the serialiser's id cache
 * relies on getting the same Avro schema back.
 */
final class ConnectToAvro {
    static final String NAMESPACE = "io.tributary.connect.avro";
    static final String CONNECT_TYPE = "connect.type";
    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final org.apache.avro.Schema NULL = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL);

    private final Map<Schema, org.apache.avro.Schema> cache = new java.util.concurrent.ConcurrentHashMap<>();

    org.apache.avro.Schema schema(Schema connect) {
        return cache.computeIfAbsent(connect, s -> new Conversion().convert(s, true));
    }

    /** One schema conversion: named types are created once and reused, so names stay unique. */
    private static final class Conversion {
        private final Map<Schema, org.apache.avro.Schema> records = new IdentityHashMap<>();
        private int unnamed;

        org.apache.avro.Schema convert(Schema connect, boolean allowOptional) {
            org.apache.avro.Schema plain = plain(connect);
            return allowOptional && connect.isOptional() ? org.apache.avro.Schema.createUnion(NULL, plain) : plain;
        }

        private org.apache.avro.Schema plain(Schema connect) {
            String logical = connect.name();
            if (Decimal.LOGICAL_NAME.equals(logical)) {
                int scale = Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD));
                String precision = connect.parameters() == null ? null : connect.parameters().get("connect.decimal.precision");
                org.apache.avro.Schema bytes = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
                return LogicalTypes.decimal(precision == null ? 64 : Integer.parseInt(precision), scale).addToSchema(bytes);
            }
            if (Date.LOGICAL_NAME.equals(logical)) {
                return LogicalTypes.date().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
            }
            if (Time.LOGICAL_NAME.equals(logical)) {
                return LogicalTypes.timeMillis().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
            }
            if (Timestamp.LOGICAL_NAME.equals(logical)) {
                return LogicalTypes.timestampMillis().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
            }
            switch (connect.type()) {
                case INT8:
                case INT16: {
                    org.apache.avro.Schema narrow = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
                    narrow.addProp(CONNECT_TYPE, connect.type().getName());
                    return narrow;
                }
                case INT32:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
                case INT64:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
                case FLOAT32:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
                case FLOAT64:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
                case BOOLEAN:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
                case STRING:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
                case BYTES:
                    return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
                case ARRAY:
                    return org.apache.avro.Schema.createArray(convert(connect.valueSchema(), true));
                case MAP:
                    if (connect.keySchema().type() == Schema.Type.STRING && !connect.keySchema().isOptional()) {
                        return org.apache.avro.Schema.createMap(convert(connect.valueSchema(), true));
                    }
                    return mapAsArray(connect);
                case STRUCT:
                    return record(connect);
                default:
                    throw new DataException("Connect type " + connect.type() + " has no Avro equivalent");
            }
        }

        private org.apache.avro.Schema mapAsArray(Schema connect) {
            org.apache.avro.Schema entry = org.apache.avro.Schema.createRecord(NAMESPACE + ".MapEntry" + (++unnamed), null, null, false);
            entry.setFields(List.of(
                    new org.apache.avro.Schema.Field("key", convert(connect.keySchema(), true), null, (Object) null),
                    new org.apache.avro.Schema.Field("value", convert(connect.valueSchema(), true), null, (Object) null)));
            return org.apache.avro.Schema.createArray(entry);
        }

        private org.apache.avro.Schema record(Schema connect) {
            org.apache.avro.Schema known = records.get(connect);
            if (known != null) {
                return known;
            }
            String name = connect.name() != null && AVRO_NAME.matcher(connect.name()).matches()
                    ? connect.name() : NAMESPACE + ".ConnectDefault" + (unnamed == 0 && records.isEmpty() ? "" : String.valueOf(++unnamed));
            org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(name, connect.doc(), null, false);
            records.put(connect, record);
            List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
            for (Field field : connect.fields()) {
                org.apache.avro.Schema fieldSchema = convert(field.schema(), true);
                Object defaultValue = field.schema().isOptional() ? JsonProperties.NULL_VALUE : null;
                fields.add(new org.apache.avro.Schema.Field(field.name(), fieldSchema, field.schema().doc(), defaultValue));
            }
            record.setFields(fields);
            return record;
        }
    }

    /** The Avro value of a Connect value; {@code avro} is the schema {@link #schema} made of {@code connect}. */
    Object value(Schema connect, Object value, org.apache.avro.Schema avro) {
        if (value == null) {
            if (!connect.isOptional() && connect.defaultValue() == null) {
                throw new DataException("A null value for the non-optional " + describe(connect));
            }
            return connect.defaultValue() == null ? null : value(connect, connect.defaultValue(), avro);
        }
        org.apache.avro.Schema plain = nonNull(avro);
        String logical = connect.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return ByteBuffer.wrap(((BigDecimal) value).unscaledValue().toByteArray());
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return (int) TimeUnit.MILLISECONDS.toDays(((java.util.Date) value).getTime());
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return (int) ((java.util.Date) value).getTime();
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return ((java.util.Date) value).getTime();
        }
        switch (connect.type()) {
            case INT8:
                return ((Byte) value).intValue();
            case INT16:
                return ((Short) value).intValue();
            case BYTES:
                return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(value(connect.valueSchema(), item, plain.getElementType()));
                }
                return items;
            }
            case MAP: {
                Map<?, ?> map = (Map<?, ?>) value;
                if (plain.getType() == org.apache.avro.Schema.Type.MAP) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    map.forEach((k, v) -> out.put((String) k, value(connect.valueSchema(), v, plain.getValueType())));
                    return out;
                }
                org.apache.avro.Schema entry = plain.getElementType();
                List<Object> entries = new ArrayList<>();
                map.forEach((k, v) -> {
                    GenericData.Record record = new GenericData.Record(entry);
                    record.put("key", value(connect.keySchema(), k, entry.getField("key").schema()));
                    record.put("value", value(connect.valueSchema(), v, entry.getField("value").schema()));
                    entries.add(record);
                });
                return entries;
            }
            case STRUCT: {
                Struct struct = (Struct) value;
                GenericData.Record record = new GenericData.Record(plain);
                for (Field field : connect.fields()) {
                    record.put(field.name(), value(field.schema(), struct.get(field), plain.getField(field.name()).schema()));
                }
                return record;
            }
            default:
                return value;
        }
    }

    static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
        if (schema.getType() == org.apache.avro.Schema.Type.UNION && schema.getTypes().size() == 2) {
            for (org.apache.avro.Schema branch : schema.getTypes()) {
                if (branch.getType() != org.apache.avro.Schema.Type.NULL) {
                    return branch;
                }
            }
        }
        return schema;
    }

    private static String describe(Schema schema) {
        return schema.type() + (schema.name() == null ? "" : " " + schema.name()) + " schema";
    }
}
