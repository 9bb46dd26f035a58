package io.tributary.registry.server.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's modes. READWRITE is normal operation; READONLY refuses registrations and deletions;
 * IMPORT accepts registrations that carry their own id and version (migrating from another
 * registry) and skips compatibility checks.
 */
public enum RegistryMode {
    READWRITE, READONLY, IMPORT;

    public static final RegistryMode DEFAULT = READWRITE;

    public static Optional<RegistryMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
