package io.tributary.processors.registry;

import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.processors.topology.DatasetContract;
import io.tributary.processors.topology.DatasetValidator;
import io.tributary.processors.topology.ValidatorLimits;
import io.tributary.processors.validation.WriterSchemas;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/**
 * Keeps each dataset's contract at the latest version registered under its staging subject, while
 * records flow: polled, so that a compatible new version (registered by {@code tributary zones
 * apply} or anyone else) applies to the next records without a restart. The registry refuses
 * incompatible registrations under its compatibility setting; as a second line, a latest version
 * that cannot read data of the current one (Avro backward compatibility), whose key field is
 * missing or against which the dataset's rules do not compile is not applied: the current contract
 * stays, and the log says why, once per version.
 */
public final class SchemaEvolution {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaEvolution.class);

    private final String zone;
    private final SchemaRegistry registry;
    private final WriterSchemas writers;
    private final ValidatorLimits limits;
    private final List<DatasetValidator> validators;
    private final java.util.Map<String, Integer> refusedIds = new java.util.concurrent.ConcurrentHashMap<>();

    public SchemaEvolution(String zone, SchemaRegistry registry, WriterSchemas writers, ValidatorLimits limits,
            List<DatasetValidator> validators) {
        this.zone = zone;
        this.registry = registry;
        this.writers = writers;
        this.limits = limits;
        this.validators = List.copyOf(validators);
    }

    /** Looks once at every dataset's latest version; a registry that cannot answer is tried again next time. */
    public void poll() {
        for (DatasetValidator validator : validators) {
            try {
                poll(validator);
            } catch (RuntimeException e) {
                LOG.warn("Zone {} dataset {}: cannot look up the latest staging schema: {}", zone, validator.dataset().name(),
                        e.getMessage());
            }
        }
    }

    private void poll(DatasetValidator validator) {
        String dataset = validator.dataset().name();
        String subject = StagingSchemaIds.subject(zone, validator.dataset());
        Optional<SubjectVersion> latest = registry.latest(subject);
        DatasetContract current = validator.contract();
        if (latest.isEmpty() || latest.get().id() == current.schemaId()) {
            return;
        }
        SubjectVersion next = latest.get();
        if (current.version() > 0 && next.version() < current.version()) {
            return;
        }
        if (refusedIds.containsKey(subject) && refusedIds.get(subject) == next.id()) {
            return;
        }
        Optional<String> refusal = refusal(current.schema(), next.schema());
        DatasetContract evolved = null;
        if (refusal.isEmpty()) {
            try {
                evolved = DatasetContract.of(validator.dataset(), next.schema(), next.id(), next.version(), writers, limits);
            } catch (RuntimeException e) {
                refusal = Optional.of("the dataset's contract does not apply to it: " + e.getMessage());
            }
        }
        if (refusal.isPresent()) {
            refusedIds.put(subject, next.id());
            LOG.error("Zone {} dataset {}: not applying version {} (id {}) of {}: {}; still validating with id {}", zone, dataset,
                    next.version(), next.id(), subject, refusal.get(), current.schemaId());
            return;
        }
        validator.evolve(evolved);
        LOG.info("Zone {} dataset {}: now validating with version {} (id {}) of {}, was id {}", zone, dataset, next.version(),
                next.id(), subject, current.schemaId());
    }

    private static Optional<String> refusal(Schema current, Schema next) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(next, current);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Optional.of("it cannot read staging data written with the current version: "
                    + result.getResult().getIncompatibilities().stream().map(i -> i.getMessage() + " at " + i.getLocation()).toList());
        }
        return Optional.empty();
    }
}
