package io.tributary.model;

import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The kinds of Avro field that entity mappings reason about: which source field may fill which
 * entity field as it is, and which needs a {@code cast}.
 */
public final class AvroTypes {
    /** The kinds a {@code cast:} may name. */
    public static final Set<String> CAST_KINDS = Set.of("string", "int", "long", "float", "double", "boolean", "timestamp", "date");

    private static final Set<String> NUMBERS = Set.of("int", "long", "float", "double", "decimal");

    private AvroTypes() {
    }

    /** The schema without its null branch: {@code ["null","double"]} is {@code double}; other unions stay as they are. */
    public static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        var branches = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : s;
    }

    /** {@code s} allowing null: itself if it already does, else the union of null and {@code s}. */
    public static Schema nullable(Schema s) {
        return isNullable(s) ? s : Schema.createUnion(Schema.create(Schema.Type.NULL), s);
    }

    public static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
    }

    /**
     * The kind of a (non-null) field: {@code string}, {@code int}, {@code long}, {@code float},
     * {@code double}, {@code boolean}, {@code timestamp}, {@code date}, {@code decimal},
     * {@code enum}, {@code bytes}, or the Avro type name of anything else.
     */
    public static String kind(Schema schema) {
        Schema s = nonNull(schema);
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            return "decimal";
        }
        if (logical != null) {
            String name = logical.getName();
            if (name.equals("timestamp-millis") || name.equals("timestamp-micros")) {
                return "timestamp";
            }
            if (name.equals("date")) {
                return "date";
            }
            if (name.equals("uuid")) {
                return "string";
            }
        }
        return s.getType().getName();
    }

    /** Whether a value of {@code from} fills a field of {@code to} as it is (Avro's promotions included). */
    public static boolean assignable(Schema from, Schema to) {
        String f = kind(from);
        String t = kind(to);
        if (f.equals(t)) {
            return !isComplex(nonNull(to)) || nonNull(from).equals(nonNull(to));
        }
        return switch (f) {
            case "int" -> t.equals("long") || t.equals("float") || t.equals("double");
            case "long" -> t.equals("float") || t.equals("double");
            case "float" -> t.equals("double");
            case "enum" -> t.equals("string");
            default -> false;
        };
    }

    /** Whether {@code cast} converts a value of {@code from} to kind {@code to}. */
    public static boolean castable(Schema from, String to) {
        String f = kind(from);
        if (f.equals(to) || to.equals("string") && !isComplex(nonNull(from))) {
            return true;
        }
        if (f.equals("string")) {
            return CAST_KINDS.contains(to);
        }
        if (NUMBERS.contains(f)) {
            return NUMBERS.contains(to) || f.equals("long") && to.equals("timestamp") || f.equals("int") && to.equals("date");
        }
        return f.equals("timestamp") && to.equals("long") || f.equals("date") && to.equals("int");
    }

    private static boolean isComplex(Schema s) {
        return switch (s.getType()) {
            case RECORD, ARRAY, MAP, UNION, FIXED -> true;
            default -> false;
        };
    }
}
