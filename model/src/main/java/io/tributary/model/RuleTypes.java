package io.tributary.model;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;

/**
 * The CEL type a rule sees for an Avro field. Decimals are doubles (CEL has no decimal),
 * timestamps and dates are CEL timestamps (a date is its midnight UTC), times of day are
 * durations since midnight, enums and UUIDs are strings, nested records are maps from field name
 * to value. A field that may be null has a nullable type, so {@code note == null} type-checks.
 */
public final class RuleTypes {
    private RuleTypes() {
    }

    public static CelType of(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            return union(s);
        }
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            return SimpleType.DOUBLE;
        }
        if (logical != null) {
            String name = logical.getName();
            if (name.contains("timestamp") || name.equals("date")) {
                return SimpleType.TIMESTAMP;
            }
            if (name.startsWith("time-")) {
                return SimpleType.DURATION;
            }
            if (name.equals("uuid")) {
                return SimpleType.STRING;
            }
        }
        return switch (s.getType()) {
            case STRING, ENUM -> SimpleType.STRING;
            case INT, LONG -> SimpleType.INT;
            case FLOAT, DOUBLE -> SimpleType.DOUBLE;
            case BOOLEAN -> SimpleType.BOOL;
            case BYTES, FIXED -> SimpleType.BYTES;
            case NULL -> SimpleType.NULL_TYPE;
            case ARRAY -> ListType.create(of(s.getElementType()));
            case MAP -> MapType.create(SimpleType.STRING, of(s.getValueType()));
            case RECORD -> MapType.create(SimpleType.STRING, SimpleType.DYN);
            case UNION -> union(s);
        };
    }

    private static CelType union(Schema s) {
        var branches = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        boolean nullable = branches.size() < s.getTypes().size();
        if (branches.size() != 1) {
            return SimpleType.DYN;
        }
        CelType type = of(branches.get(0));
        if (!nullable) {
            return type;
        }
        // CEL's nullable (wrapper) types exist for scalars only; a nullable list, map or record is dyn.
        return type instanceof SimpleType simple && simple != SimpleType.DYN ? NullableType.create(simple) : SimpleType.DYN;
    }
}
