package io.tributary.bench.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * Writes settings that hold a password to an owner-only file, as the local platform does: the
 * broker, registry and validator processes read them from there, never from their command line
 * (which {@code ps} shows).
 */
final class OwnerOnlyProperties {
    private OwnerOnlyProperties() {
    }

    /** Every key of {@code settings} with {@code prefix} before it (Quarkus applications take Kafka settings under a prefix). */
    static Path write(Path file, String prefix, Map<String, String> settings) {
        Properties props = new Properties();
        settings.forEach((k, v) -> props.setProperty(prefix + k, v));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "written by the security overhead benchmark; owner-only");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the owner-only settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
