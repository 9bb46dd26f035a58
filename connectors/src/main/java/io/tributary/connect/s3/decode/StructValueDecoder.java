package io.tributary.connect.s3.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

/**
 * Values a converter has already turned into Connect {@link Struct}s (for instance the registry's
 * Avro converter, or {@code JsonConverter} with schemas): translated to Avro and encoded, so that
 * the rest of the sink treats them like wire-format values.
 */
public final class StructValueDecoder {
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
    private static final long DAY_MS = 86_400_000L;

    private final Map<org.apache.kafka.connect.data.Schema, Schema> schemas = new HashMap<>();
    private final Map<Schema, GenericDatumWriter<GenericRecord>> writers = new HashMap<>();
    private org.apache.kafka.connect.data.Schema lastConnect;
    private Schema lastAvro;
    private BinaryEncoder encoder;

    public DecodedValue decode(Struct value) {
        org.apache.kafka.connect.data.Schema connect = value.schema();
        Schema avro = avroSchema(connect);
        GenericRecord record = (GenericRecord) convert(avro, connect, value, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            writers.computeIfAbsent(avro, GenericDatumWriter::new).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new BadRecordException(RejectReason.UNDECODABLE, "", "struct " + connect.name() + " cannot be written as Avro: " + e, e);
        }
        byte[] bytes = out.toByteArray();
        Integer version = connect.version();
        return new DecodedValue(avro, version == null ? 0 : version, bytes, 0, bytes.length, record);
    }

    private Schema avroSchema(org.apache.kafka.connect.data.Schema connect) {
        if (connect != lastConnect) {
            lastAvro = schemas.computeIfAbsent(connect, ConnectSchemaTranslator::translate);
            lastConnect = connect;
        }
        return lastAvro;
    }

    private Object convert(Schema avro, org.apache.kafka.connect.data.Schema connect, Object value, String path) {
        if (value == null) {
            if (!connect.isOptional()) {
                throw new BadRecordException(RejectReason.WRONG_TYPE, path, "required field " + path + " is null");
            }
            return null;
        }
        Schema type = nonNull(avro);
        String logical = connect.name() == null ? "" : connect.name();
        switch (logical) {
            case Decimal.LOGICAL_NAME -> {
                LogicalType decimal = type.getLogicalType();
                int scale = ((LogicalTypes.Decimal) decimal).getScale();
                BigDecimal number = (BigDecimal) value;
                try {
                    return DECIMALS.toBytes(number.setScale(scale, RoundingMode.UNNECESSARY), type, decimal);
                } catch (ArithmeticException e) {
                    throw new BadRecordException(RejectReason.WRONG_TYPE, path, "decimal " + number + " in " + path
                            + " does not fit scale " + scale, e);
                }
            }
            case Date.LOGICAL_NAME -> {
                return (int) Math.floorDiv(((java.util.Date) value).getTime(), DAY_MS);
            }
            case Time.LOGICAL_NAME -> {
                return (int) ((java.util.Date) value).getTime();
            }
            case Timestamp.LOGICAL_NAME -> {
                return ((java.util.Date) value).getTime();
            }
            default -> {
                // a plain type, below
            }
        }
        return switch (connect.type()) {
            case INT8, INT16, INT32 -> ((Number) value).intValue();
            case INT64, FLOAT32, FLOAT64, BOOLEAN, STRING -> value;
            case BYTES -> value instanceof byte[] b ? ByteBuffer.wrap(b) : value;
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    items.add(convert(type.getElementType(), connect.valueSchema(), item, path + "[" + i++ + "]"));
                }
                yield items;
            }
            case MAP -> type.getType() == Schema.Type.MAP ? stringMap(type, connect, (Map<?, ?>) value, path)
                    : entries(type, connect, (Map<?, ?>) value, path);
            case STRUCT -> {
                Struct struct = (Struct) value;
                GenericRecord record = new GenericData.Record(type);
                for (Field f : connect.fields()) {
                    String child = path.isEmpty() ? f.name() : path + "." + f.name();
                    record.put(f.name(), convert(type.getField(f.name()).schema(), f.schema(), struct.get(f), child));
                }
                yield record;
            }
        };
    }

    private Map<String, Object> stringMap(Schema type, org.apache.kafka.connect.data.Schema connect, Map<?, ?> map, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, convert(type.getValueType(), connect.valueSchema(), v, path + "{" + k + "}")));
        return out;
    }

    private List<GenericRecord> entries(Schema type, org.apache.kafka.connect.data.Schema connect, Map<?, ?> map, String path) {
        Schema entry = type.getElementType();
        List<GenericRecord> out = new ArrayList<>();
        map.forEach((k, v) -> {
            GenericRecord e = new GenericData.Record(entry);
            e.put("key", convert(entry.getField("key").schema(), connect.keySchema(), k, path + ".key"));
            e.put("value", convert(entry.getField("value").schema(), connect.valueSchema(), v, path + ".value"));
            out.add(e);
        });
        return out;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }
}
