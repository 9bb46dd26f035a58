package io.tributary.connect.s3.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

/**
 * Translates a Connect schema (what a converter such as the registry's Avro converter or
 * {@code JsonConverter} with schemas attaches to a value) into the Avro schema the Parquet
 * columns are derived from. Optional fields become unions with null (default null); Connect's
 * Decimal, Date, Time and Timestamp become Avro's decimal, date, time-millis and
 * timestamp-millis; maps with non-string keys become arrays of key/value records.
 */
final class ConnectSchemaTranslator {
    /** Confluent's converters keep a decimal's precision in this schema parameter. */
    static final String PRECISION_PARAMETER = "connect.decimal.precision";
    private static final int DEFAULT_PRECISION = 38;

    private final Map<String, Schema> named = new HashMap<>();

    /** The Avro schema of a Connect struct schema; one translator per top-level schema. */
    static Schema translate(org.apache.kafka.connect.data.Schema connect) {
        if (connect.type() != org.apache.kafka.connect.data.Schema.Type.STRUCT) {
            throw new BadRecordException(RejectReason.NOT_A_RECORD, "", "value schema is a " + connect.type()
                    + ", not a struct; Parquet needs named columns");
        }
        return new ConnectSchemaTranslator().record(connect, "ConnectRecord");
    }

    private Schema record(org.apache.kafka.connect.data.Schema connect, String fallbackName) {
        String fullName = avroName(connect.name() == null ? fallbackName : connect.name());
        Schema existing = named.get(fullName);
        if (existing != null) {
            return existing;
        }
        int dot = fullName.lastIndexOf('.');
        Schema record = Schema.createRecord(dot < 0 ? fullName : fullName.substring(dot + 1), connect.doc(),
                dot < 0 ? null : fullName.substring(0, dot), false);
        named.put(fullName, record);
        List<Schema.Field> fields = new ArrayList<>();
        for (Field f : connect.fields()) {
            String childName = (dot < 0 ? fullName : fullName.substring(dot + 1)) + "_" + f.name();
            Schema type = field(f.schema(), childName, f.name());
            fields.add(f.schema().isOptional()
                    ? new Schema.Field(f.name(), type, f.schema().doc(), JsonProperties.NULL_VALUE)
                    : new Schema.Field(f.name(), type, f.schema().doc(), (Object) null));
        }
        record.setFields(fields);
        return record;
    }

    private Schema field(org.apache.kafka.connect.data.Schema connect, String childName, String path) {
        Schema type = required(connect, childName, path);
        return connect.isOptional() ? Schema.createUnion(Schema.create(Schema.Type.NULL), type) : type;
    }

    private Schema required(org.apache.kafka.connect.data.Schema connect, String childName, String path) {
        String logical = connect.name() == null ? "" : connect.name();
        switch (logical) {
            case Decimal.LOGICAL_NAME -> {
                int scale = Integer.parseInt(connect.parameters().getOrDefault(Decimal.SCALE_FIELD, "0"));
                int precision = Integer.parseInt(connect.parameters().getOrDefault(PRECISION_PARAMETER,
                        String.valueOf(Math.max(DEFAULT_PRECISION, scale))));
                return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
            }
            case Date.LOGICAL_NAME -> {
                return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            }
            case Time.LOGICAL_NAME -> {
                return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
            }
            case Timestamp.LOGICAL_NAME -> {
                return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            }
            default -> {
                // a plain type, below
            }
        }
        return switch (connect.type()) {
            case INT8, INT16, INT32 -> Schema.create(Schema.Type.INT);
            case INT64 -> Schema.create(Schema.Type.LONG);
            case FLOAT32 -> Schema.create(Schema.Type.FLOAT);
            case FLOAT64 -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case STRING -> Schema.create(Schema.Type.STRING);
            case BYTES -> Schema.create(Schema.Type.BYTES);
            case ARRAY -> Schema.createArray(field(connect.valueSchema(), childName + "_item", path + "[]"));
            case MAP -> connect.keySchema().type() == org.apache.kafka.connect.data.Schema.Type.STRING
                    ? Schema.createMap(field(connect.valueSchema(), childName + "_value", path + "{}"))
                    : Schema.createArray(entry(connect, childName, path));
            case STRUCT -> record(connect, childName);
        };
    }

    private Schema entry(org.apache.kafka.connect.data.Schema map, String childName, String path) {
        Schema entry = Schema.createRecord(avroName(childName + "_entry"), null, null, false);
        entry.setFields(List.of(new Schema.Field("key", field(map.keySchema(), childName + "_key", path + ".key"), null, (Object) null),
                new Schema.Field("value", field(map.valueSchema(), childName + "_value", path + ".value"), null, (Object) null)));
        return entry;
    }

    /** Avro names allow letters, digits and underscores, dot-separated, not starting with a digit. */
    static String avroName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            if (!Character.isLetter(part.charAt(0)) && part.charAt(0) != '_') {
                out.append('_');
            }
            for (char c : part.toCharArray()) {
                out.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
            }
        }
        return out.length() == 0 ? "ConnectRecord" : out.toString();
    }
}
