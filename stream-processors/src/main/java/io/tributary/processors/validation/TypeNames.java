package io.tributary.processors.validation;

import java.util.stream.Collectors;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Names an Avro type the way a producer's developer reads it: {@code decimal(12,2)}, {@code array of long}. */
final class TypeNames {
    private TypeNames() {
    }

    static String of(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (logical != null) {
            return logical.getName() + " (" + s.getType().getName() + ")";
        }
        return switch (s.getType()) {
            case RECORD -> "record " + s.getName();
            case ENUM -> "enum " + s.getName();
            case FIXED -> "fixed " + s.getName() + "(" + s.getFixedSize() + " bytes)";
            case ARRAY -> "array of " + of(s.getElementType());
            case MAP -> "map of " + of(s.getValueType());
            case UNION -> s.getTypes().stream().map(TypeNames::of).collect(Collectors.joining(" or "));
            default -> s.getType().getName();
        };
    }
}
