package io.tributary.model;

import java.util.List;

import org.apache.avro.Schema;

/** Dotted field paths ({@code customer.address.city}) through an Avro record and its nested (nullable) records. */
final class FieldPaths {
    private FieldPaths() {
    }

    static boolean exists(Schema record, String path) {
        Schema current = record;
        for (String segment : path.split("\\.", -1)) {
            current = recordOf(current);
            if (current == null || current.getField(segment) == null) {
                return false;
            }
            current = current.getField(segment).schema();
        }
        return true;
    }

    static List<String> topLevel(Schema record) {
        return record.getFields().stream().map(Schema.Field::name).toList();
    }

    private static Schema recordOf(Schema s) {
        if (s.getType() == Schema.Type.RECORD) {
            return s;
        }
        if (s.getType() == Schema.Type.UNION) {
            return s.getTypes().stream().filter(b -> b.getType() == Schema.Type.RECORD).findFirst().orElse(null);
        }
        return null;
    }
}
