package io.tributary.connect.s3.partition;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

/**
 * {@code <field>=<value>[/<field>=<value>…]} from top-level fields of the value, e.g.
 * {@code region=eu/country=fr}. Values are escaped the way Hive escapes partition values (so
 * Athena reads them back), and a null or empty value goes to Hive's default partition.
 */
public final class FieldValuePartitioner implements Partitioner {
    public static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    private static final String ESCAPED = "\"#%'*/:=?\\{[]^";

    private final List<String> fields;

    public FieldValuePartitioner(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("at least one field is needed to partition by value");
        }
        this.fields = List.copyOf(fields);
    }

    @Override
    public String partitionPath(long eventTimeMillis, GenericRecord routing) {
        StringBuilder path = new StringBuilder();
        for (String field : fields) {
            Schema.Field f = routing.getSchema().getField(field);
            if (f == null) {
                throw new BadRecordException(RejectReason.MISSING_FIELD, field, "partition field '" + field + "' is not in schema "
                        + routing.getSchema().getFullName());
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(field).append('=').append(escape(text(field, f.schema(), routing.get(f.pos()))));
        }
        return path.toString();
    }

    private static String text(String field, Schema schema, Object value) {
        if (value == null) {
            return "";
        }
        Schema type = schema;
        if (type.getType() == Schema.Type.UNION) {
            type = type.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(type);
        }
        LogicalType logical = type.getLogicalType();
        if (logical != null && "date".equals(logical.getName()) && value instanceof Integer days) {
            return LocalDate.ofEpochDay(days).toString();
        }
        return switch (type.getType()) {
            case STRING, ENUM, INT, LONG, BOOLEAN, FLOAT, DOUBLE -> value.toString();
            default -> throw new BadRecordException(RejectReason.WRONG_TYPE, field, "partition field '" + field + "' has type "
                    + type.getType() + (value instanceof ByteBuffer ? " (bytes)" : "")
                    + "; only strings, enums, numbers, booleans and dates name a folder");
        };
    }

    /** Hive's escaping of partition values: control characters and path syntax become %XX. */
    static String escape(String value) {
        if (value.isEmpty()) {
            return NULL_PARTITION;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7f || ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public List<String> fields() {
        return fields;
    }

    @Override
    public String describe() {
        return "field:" + String.join(",", fields);
    }
}
