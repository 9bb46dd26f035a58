package io.tributary.registry.server.store;

import java.util.List;
import java.util.Optional;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.ParsedSchema;

/**
 * The registry's state: schemas by global id and the versions of each subject. Reads answer from
 * memory; writes are durable (in Kafka) before they return, and visible to the next read.
 *
 * <p>Every method may throw {@link RegistryException} with a Confluent error code.
 */
public interface SchemaStore extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject}. A schema already known (under any subject)
     * keeps its id; a schema already in the subject keeps its version and nothing is written.
     *
     * @return the schema's global id
     */
    int register(String subject, ParsedSchema schema);

    /** @throws RegistryException 40403 when no schema has this id */
    StoredSchema schemaById(int id);

    /** Subjects with at least one live version, sorted. */
    List<String> subjects();

    /** @throws RegistryException 40401 when the subject has no live version */
    List<Integer> versions(String subject);

    /** @throws RegistryException 40401 / 40402 */
    SubjectVersion version(String subject, int version);

    /** @throws RegistryException 40401 */
    SubjectVersion latest(String subject);

    /** The live version of {@code subject} holding {@code schema}, if any (40401 if the subject is unknown). */
    Optional<SubjectVersion> lookup(String subject, ParsedSchema schema);

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
