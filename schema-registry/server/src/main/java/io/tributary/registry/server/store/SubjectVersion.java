package io.tributary.registry.server.store;

import java.util.List;

import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;

/** One version of a subject: which schema (by id) it holds, and whether it is soft-deleted. */
public record SubjectVersion(String subject, int version, int id, SchemaType type, String schema,
        List<SchemaReference> references, boolean deleted) {
    public SubjectVersion {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public SubjectVersion(String subject, int version, int id, SchemaType type, String schema) {
        this(subject, version, id, type, schema, List.of(), false);
    }
}
