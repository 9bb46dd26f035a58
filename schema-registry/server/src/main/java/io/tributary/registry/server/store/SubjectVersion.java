package io.tributary.registry.server.store;

import io.tributary.registry.server.schema.SchemaType;

/** One version of a subject: which schema (by id) it holds. */
public record SubjectVersion(String subject, int version, int id, SchemaType type, String schema) {
}
