package io.tributary.registry.server.schema;

import java.util.List;
import java.util.Objects;

/**
 * A schema that passed validation. {@code canonical} is the form stored and compared: two
 * registrations of the same schema with different whitespace or key order get the same id.
 * The references are part of the identity: the same text resolved against other versions of
 * its referenced subjects is another schema.
 */
public record ParsedSchema(SchemaType type, String canonical, List<SchemaReference> references) {
    public ParsedSchema {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(canonical, "canonical");
        references = references == null ? List.of() : List.copyOf(references);
    }

    public ParsedSchema(SchemaType type, String canonical) {
        this(type, canonical, List.of());
    }
}
