package io.tributary.processors.registry;

import java.time.Duration;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Finds the registry id of a dataset's descriptor schema under its staging subject
 * ({@code <zone>.staging.<dataset>-value}) by registering it: registering is idempotent and returns
 * the existing id. While the registry cannot answer (unreachable, 5xx, 408, 429) it retries with
 * backoff, without limit: the validator cannot write a staging record without the id. An answer
 * that retrying cannot change (an incompatible or invalid schema, no permission) stops the start.
 */
public final class StagingSchemaIds {
    private static final Logger LOG = LoggerFactory.getLogger(StagingSchemaIds.class);

    private final SchemaRegistry registry;
    private final String registryName;
    private final Backoff backoff;

    /** @param registryName how logs name the registry, usually its URL */
    public StagingSchemaIds(SchemaRegistry registry, String registryName, Backoff backoff) {
        this.registry = registry;
        this.registryName = registryName;
        this.backoff = backoff;
    }

    public static String subject(String zone, DatasetSpec dataset) {
        return TopicName.of(zone, Stage.STAGING, dataset.name()).valueSubject();
    }

    /** The id of the dataset's descriptor schema under its staging subject. */
    public int resolve(String zone, DatasetSpec dataset) {
        return resolve(zone, "dataset " + dataset.name(), subject(zone, dataset), dataset.schema(), String.valueOf(dataset.schemaFile()));
    }

    /**
     * The id of {@code schema} under {@code subject}, registering it if needed (e.g. an entity's
     * schema under {@code <zone>.ods.<entity>-value}); {@code what} and {@code file} name it in logs and errors.
     */
    public int resolve(String zone, String what, String subject, Schema schema, String file) {
        for (int attempt = 1; ; attempt++) {
            try {
                int id = registry.register(subject, schema);
                LOG.info("Zone {} {}: schema {} has id {} under subject {}", zone, what, schema.getFullName(), id, subject);
                return id;
            } catch (RegistryException e) {
                if (!retryable(e)) {
                    throw new IllegalStateException("Zone " + zone + " " + what + ": the schema registry at "
                            + registryName + " refused schema " + file + " under subject " + subject + ": "
                            + e.getMessage(), e);
                }
                Duration delay = backoff.delay(attempt);
                LOG.warn("Zone {} {}: schema registry at {} did not answer (attempt {}): {}; retrying in {} ms", zone,
                        what, registryName, attempt, e.getMessage(), delay.toMillis());
                sleep(delay);
            }
        }
    }

    static boolean retryable(RegistryException e) {
        int status = e.status();
        return status == 0 || status >= 500 || status == 408 || status == 429;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }
}
