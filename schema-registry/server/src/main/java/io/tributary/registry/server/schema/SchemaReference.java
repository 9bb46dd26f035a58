package io.tributary.registry.server.schema;

import java.util.Objects;

/**
 * A named type that a schema takes from another subject's version, as Confluent's API writes it:
 * {@code {"name": "com.acme.Address", "subject": "address-value", "version": 1}}.
 */
public record SchemaReference(String name, String subject, int version) {
    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
