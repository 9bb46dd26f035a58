package io.tributary.registry.server.store;

import java.util.List;
import java.util.Optional;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;

/**
 * The registry's state: schemas by global id, the versions of each subject, compatibility levels
 * and modes. Reads answer from memory; writes are durable (in Kafka) before they return, and
 * visible to the next read.
 *
 * <p>Every method may throw {@link RegistryException} with a Confluent error code.
 */
public interface SchemaStore extends AutoCloseable {
    /** A version argument meaning the latest version. */
    int LATEST = -1;

    // ---- writes (on the elected writer only; 50004 elsewhere) ----

    /**
     * Registers a schema under a subject. A schema already known (under any subject) keeps its id;
     * a schema the subject already holds keeps its version and nothing is written.
     *
     * @return the schema's global id
     * @throws RegistryException 409 when incompatible, 42201 invalid, 42205 in READONLY mode
     */
    int register(Registration registration);

    /** Registers an already validated Avro schema without references, with the default options. */
    int register(String subject, ParsedSchema schema);

    /** Deletes every version of a subject: soft first, then for good with {@code permanent}. @return the versions deleted */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /** Deletes one version ({@link #LATEST} for the latest). @return its number */
    int deleteVersion(String subject, int version, boolean permanent);

    /** Sets the compatibility level of a subject, or the global one when {@code subject} is null. */
    CompatibilityLevel setConfig(String subject, CompatibilityLevel level);

    /** Removes a subject's level (or resets the global one). @return the level it had */
    CompatibilityLevel deleteConfig(String subject);

    /** Sets the mode of a subject, or the global one when {@code subject} is null. */
    RegistryMode setMode(String subject, RegistryMode mode, boolean force);

    /** Removes a subject's mode. @return the mode it had */
    RegistryMode deleteMode(String subject);

    // ---- reads ----

    /** @throws RegistryException 40403 when no schema has this id */
    StoredSchema schemaById(int id);

    /** Subjects with at least one live version, sorted. */
    List<String> subjects();

    /** Subjects starting with {@code prefix}; soft-deleted ones too when {@code deleted}. */
    List<String> subjects(boolean deleted, String prefix);

    /** @throws RegistryException 40401 when the subject has no live version */
    List<Integer> versions(String subject);

    List<Integer> versions(String subject, boolean deleted);

    /** @throws RegistryException 40401 / 40402 */
    SubjectVersion version(String subject, int version);

    /** A version, soft-deleted ones too when {@code deleted}; {@link #LATEST} for the latest. */
    SubjectVersion version(String subject, int version, boolean deleted);

    /** @throws RegistryException 40401 */
    SubjectVersion latest(String subject);

    /** The live version of {@code subject} holding {@code schema}, if any (40401 if the subject is unknown). */
    Optional<SubjectVersion> lookup(String subject, ParsedSchema schema);

    /** The version of {@code subject} holding the schema the client sent (validated and resolved here). */
    Optional<SubjectVersion> lookup(String subject, SchemaInput schema, boolean deleted);

    /** Subject and version pairs that hold schema {@code id}; 40403 for an unknown id. */
    List<VersionRef> versionsOfId(int id, boolean deleted);

    /** Ids of schemas that reference this version. */
    List<Integer> referencedBy(String subject, int version);

    /**
     * Checks a schema against the subject's versions at the subject's level: against {@code version}
     * alone, or against what registration would check when {@code version} is null.
     */
    CompatibilityReport checkCompatibility(String subject, Integer version, SchemaInput schema);

    Optional<CompatibilityLevel> subjectConfig(String subject);

    CompatibilityLevel globalConfig();

    Optional<RegistryMode> subjectMode(String subject);

    RegistryMode globalMode();

    // ---- health ----

    /** True once the store has read everything that was in its log when it started. */
    boolean isReady();

    /** False when the store has stopped for good and the process should be restarted. */
    boolean isAlive();

    /** Number of distinct schemas (ids) known. */
    int schemaCount();

    /** Why the store is not ready (or not healthy), for health checks; empty when all is well. */
    Optional<String> problem();

    @Override
    void close();
}
