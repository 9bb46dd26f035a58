package io.tributary.registry.server.store;

import java.util.List;

import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;

/** A schema under its global id, independent of the subjects that use it. */
public record StoredSchema(int id, SchemaType type, String schema, List<SchemaReference> references) {
    public StoredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public StoredSchema(int id, SchemaType type, String schema) {
        this(id, type, schema, List.of());
    }
}
