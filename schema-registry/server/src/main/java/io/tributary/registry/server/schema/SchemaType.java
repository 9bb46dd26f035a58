package io.tributary.registry.server.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The schema types of Confluent's registry. Only AVRO can be registered here for now; the others
 * are known so that schemas of those types written to {@code _schemas} by another registry keep
 * their ids and can be read back.
 */
public enum SchemaType {
    AVRO, JSON, PROTOBUF;

    /** Reads a {@code schemaType} field; absent or blank means AVRO (Confluent's default). */
    public static Optional<SchemaType> fromField(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(AVRO);
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (SchemaType type : values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
