package io.tributary.registry.server.store;

import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;

/**
 * One change to the registry, as the log holds it. The store writes these and rebuilds its state
 * by applying them in log order; how they are encoded (Confluent's record layout) is the log's
 * business.
 */
public sealed interface LogRecord {

    /** {@code subject} version {@code version} holds {@code schema} under {@code id}; {@code deleted} marks a soft delete. */
    record SchemaVersion(String subject, int version, int id, ParsedSchema schema, boolean deleted) implements LogRecord {
    }

    /** The version is gone for good (a permanent delete). */
    record VersionTombstone(String subject, int version) implements LogRecord {
    }

    /** A compatibility level for a subject, or the global one when {@code subject} is null; a null level removes it. */
    record Config(String subject, CompatibilityLevel level) implements LogRecord {
    }

    /** A mode for a subject, or the global one when {@code subject} is null; a null mode removes it. */
    record Mode(String subject, RegistryMode mode) implements LogRecord {
    }

    /** Written by Confluent's registry on a soft delete of a subject: versions up to this one are deleted. */
    record SubjectDeleted(String subject, int upToVersion) implements LogRecord {
    }

    /** Written by Confluent's registry on a permanent delete of a subject: soft-deleted versions up to this one are gone. */
    record SubjectCleared(String subject, int upToVersion) implements LogRecord {
    }

    /** An id held by a schema this registry cannot read (a type it does not know): never to be handed out again. */
    record ReservedId(int id) implements LogRecord {
    }
}
