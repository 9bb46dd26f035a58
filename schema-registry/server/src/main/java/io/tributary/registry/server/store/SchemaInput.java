package io.tributary.registry.server.store;

import java.util.List;

import io.tributary.registry.server.schema.SchemaReference;

/**
 * A schema as a client sends it, before validation: its type (null means AVRO), text, the
 * references it takes named types from, and whether to normalise it.
 */
public record SchemaInput(String schemaType, String schema, List<SchemaReference> references, boolean normalize) {
    public SchemaInput {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static SchemaInput avro(String schema) {
        return new SchemaInput(null, schema, List.of(), false);
    }
}
