package io.tributary.registry.server.store;

import io.tributary.registry.server.schema.SchemaType;

/** A schema under its global id, independent of the subjects that use it. */
public record StoredSchema(int id, SchemaType type, String schema) {
}
