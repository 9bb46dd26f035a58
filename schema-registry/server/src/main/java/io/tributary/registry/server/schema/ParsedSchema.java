package io.tributary.registry.server.schema;

import java.util.Objects;

/**
 * A schema that passed validation. {@code canonical} is the form stored and compared: two
 * registrations of the same schema with different whitespace or key order get the same id.
 */
public record ParsedSchema(SchemaType type, String canonical) {
    public ParsedSchema {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(canonical, "canonical");
    }
}
