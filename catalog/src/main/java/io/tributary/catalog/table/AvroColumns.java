package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Maps an Avro record schema to Athena columns, as parquet-avro lays the record out in Parquet
 * and Athena (Trino's Parquet reader) reads it back:
 *
 * <pre>
 * boolean → boolean            int → int               long → bigint
 * float → float                double → double         string, enum, uuid → string
 * bytes, fixed → binary        decimal(p,s) on bytes or fixed → decimal(p,s)
 * int date → date              long timestamp-* and local-timestamp-* (millis, micros, nanos) → timestamp
 * array → array&lt;T&gt;           map → map&lt;string,T&gt;      record → struct&lt;…&gt;
 * [null, T] / [T, null] → T (every Athena column is nullable)
 * </pre>
 *
 * Anything else is refused with {@link UnsupportedSchemaException} naming the field: unions of
 * two or more types, time-of-day and duration logical types, decimals wider than 38 digits,
 * records that contain themselves, empty records, and two fields whose names differ only in case
 * (Athena folds column names to lower case).
 */
public final class AvroColumns {
    private AvroColumns() {
    }

    /** The columns of a record schema, in field order, names in lower case. */
    public static List<TableColumn> of(Schema record) {
        if (record.getType() != Schema.Type.RECORD) {
            throw new UnsupportedSchemaException(record.getFullName(), "a table needs a record schema, not " + record.getType()
                    .getName());
        }
        List<TableColumn> columns = new ArrayList<>();
        Set<String> enclosing = new HashSet<>();
        enclosing.add(record.getFullName());
        for (Map.Entry<String, Schema.Field> field : uniqueNames(record, "").entrySet()) {
            String path = field.getValue().name();
            columns.add(new TableColumn(field.getKey(), type(field.getValue().schema(), path, enclosing), field.getValue().doc()));
        }
        return columns;
    }

    /** The Athena type of one Avro schema; {@code path} names the field in error messages. */
    public static ColumnType type(Schema schema, String path) {
        return type(schema, path, new HashSet<>());
    }

    private static ColumnType type(Schema schema, String path, Set<String> enclosing) {
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case BOOLEAN -> ColumnType.Primitive.BOOLEAN;
            case INT -> intType(logical, path);
            case LONG -> longType(logical, path);
            case FLOAT -> ColumnType.Primitive.FLOAT;
            case DOUBLE -> ColumnType.Primitive.DOUBLE;
            case STRING, ENUM -> ColumnType.Primitive.STRING;
            case BYTES -> bytesType(logical, path);
            case FIXED -> fixedType(logical, schema.getProp("logicalType"), path);
            case ARRAY -> new ColumnType.ArrayOf(type(schema.getElementType(), path + "[]", enclosing));
            case MAP -> new ColumnType.MapOf(type(schema.getValueType(), path + "{}", enclosing));
            case RECORD -> struct(schema, path, enclosing);
            case UNION -> union(schema, path, enclosing);
            case NULL -> throw new UnsupportedSchemaException(path, "a field that is always null has no Athena type;"
                    + " give it a type, e.g. [\"null\", \"string\"]");
        };
    }

    private static ColumnType intType(LogicalType logical, String path) {
        if (logical == null) {
            return ColumnType.Primitive.INT;
        }
        if (logical instanceof LogicalTypes.Date) {
            return ColumnType.Primitive.DATE;
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            throw noTimeOfDay(path, "time-millis", "int");
        }
        return ColumnType.Primitive.INT;
    }

    private static ColumnType longType(LogicalType logical, String path) {
        if (logical == null) {
            return ColumnType.Primitive.BIGINT;
        }
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
                || logical instanceof LogicalTypes.TimestampNanos || logical instanceof LogicalTypes.LocalTimestampMillis
                || logical instanceof LogicalTypes.LocalTimestampMicros || logical instanceof LogicalTypes.LocalTimestampNanos) {
            return ColumnType.Primitive.TIMESTAMP;
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            throw noTimeOfDay(path, "time-micros", "long");
        }
        return ColumnType.Primitive.BIGINT;
    }

    private static UnsupportedSchemaException noTimeOfDay(String path, String logical, String plain) {
        return new UnsupportedSchemaException(path, "Athena has no time-of-day column type for Avro " + logical
                + "; use a timestamp, or a plain " + plain + " (e.g. milliseconds since midnight) or a string");
    }

    private static ColumnType bytesType(LogicalType logical, String path) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return decimal(decimal, path);
        }
        return ColumnType.Primitive.BINARY;
    }

    private static ColumnType fixedType(LogicalType logical, String declared, String path) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return decimal(decimal, path);
        }
        if ("duration".equals(declared)) {
            throw new UnsupportedSchemaException(path, "Athena has no interval column type for Avro duration;"
                    + " use a long (e.g. milliseconds) or a record of months, days and millis");
        }
        return ColumnType.Primitive.BINARY;
    }

    private static ColumnType decimal(LogicalTypes.Decimal decimal, String path) {
        if (decimal.getPrecision() > ColumnType.Decimal.MAX_PRECISION) {
            throw new UnsupportedSchemaException(path, "decimal(" + decimal.getPrecision() + "," + decimal.getScale()
                    + ") is wider than Athena's decimal allows (precision at most " + ColumnType.Decimal.MAX_PRECISION + ")");
        }
        return new ColumnType.Decimal(decimal.getPrecision(), decimal.getScale());
    }

    private static ColumnType union(Schema union, String path, Set<String> enclosing) {
        List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
            return type(branches.get(0), path, enclosing);
        }
        if (branches.isEmpty()) {
            throw new UnsupportedSchemaException(path, "a field that is always null has no Athena type;"
                    + " give it a type, e.g. [\"null\", \"string\"]");
        }
        throw new UnsupportedSchemaException(path, "Athena has no union type, and this field may be any of "
                + branches.stream().map(AvroColumns::describe).toList()
                + "; use one type (with null if optional), or a record with one optional field per alternative");
    }

    private static ColumnType struct(Schema record, String path, Set<String> enclosing) {
        if (!enclosing.add(record.getFullName())) {
            throw new UnsupportedSchemaException(path, "record " + record.getFullName() + " contains itself;"
                    + " Athena's struct type cannot be recursive");
        }
        try {
            if (record.getFields().isEmpty()) {
                throw new UnsupportedSchemaException(path, "record " + record.getFullName() + " has no fields;"
                        + " Parquet and Athena need at least one");
            }
            List<ColumnType.Field> fields = new ArrayList<>();
            for (Map.Entry<String, Schema.Field> field : uniqueNames(record, path + ".").entrySet()) {
                fields.add(new ColumnType.Field(field.getKey(), type(field.getValue().schema(), path + "." + field.getValue().name(),
                        enclosing)));
            }
            return new ColumnType.Struct(fields);
        } finally {
            enclosing.remove(record.getFullName());
        }
    }

    /** Fields by their lower-case name; two that fold to the same name would be one column in Athena. */
    private static Map<String, Schema.Field> uniqueNames(Schema record, String prefix) {
        Map<String, Schema.Field> byName = new LinkedHashMap<>();
        for (Schema.Field field : record.getFields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            Schema.Field other = byName.putIfAbsent(name, field);
            if (other != null) {
                throw new UnsupportedSchemaException(prefix + field.name(), "Athena folds column names to lower case, so '"
                        + field.name() + "' and '" + other.name() + "' would be the same column; rename one of them");
            }
        }
        return byName;
    }

    private static String describe(Schema schema) {
        return schema.getLogicalType() != null ? schema.getLogicalType().getName()
                : schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM || schema.getType() == Schema.Type.FIXED
                        ? schema.getFullName() : schema.getType().getName();
    }
}
