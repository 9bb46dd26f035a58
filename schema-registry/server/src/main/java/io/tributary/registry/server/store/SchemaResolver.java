package io.tributary.registry.server.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.ResolvedAvroSchema;
import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.schema.SchemaValidator;

/**
 * Turns schemas into Avro {@link Schema}s with their references resolved against the registry's
 * state: a client's candidate (strictly: every reference must name a live version) and stored
 * versions (cached by id, since a registered schema never changes).
 */
public final class SchemaResolver {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaResolver.class);

    private final RegistryState state;
    private final SchemaValidator validator;
    private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

    public SchemaResolver(RegistryState state, SchemaValidator validator) {
        this.state = state;
        this.validator = validator;
    }

    /** @throws RegistryException 42201 for an invalid schema or a reference to no live version */
    public ResolvedAvroSchema resolve(SchemaInput input) {
        SchemaValidator.requireAvro(input.schemaType());
        List<String> referenced = referencedTexts(input.references(), new LinkedHashSet<>(), new LinkedHashSet<>());
        return validator.validate(input.schemaType(), input.schema(), input.references(), referenced, input.normalize());
    }

    /** The Avro schema of a stored version; empty (and a warning) for a stored text this registry cannot parse. */
    public Optional<Schema> avroOf(SubjectVersion version) {
        if (version.type() != SchemaType.AVRO) {
            return Optional.empty();
        }
        Schema known = parsedById.get(version.id());
        if (known != null) {
            return Optional.of(known);
        }
        try {
            List<String> referenced = referencedTexts(version.references(), new LinkedHashSet<>(), new LinkedHashSet<>());
            Schema schema = validator.validate(null, version.schema(), version.references(), referenced, false).avro();
            parsedById.put(version.id(), schema);
            return Optional.of(schema);
        } catch (RegistryException e) {
            LOG.warn("Schema id {} (subject {} version {}) cannot be parsed and is left out of compatibility checks: {}",
                    version.id(), version.subject(), version.version(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The texts of the referenced schemas, each after the schemas it references itself. */
    private List<String> referencedTexts(List<SchemaReference> references, Set<String> path, Set<String> collected) {
        for (int i = 0; i < references.size(); i++) {
            SchemaReference ref = references.get(i);
            SubjectVersion target = find(ref, i);
            String key = target.subject() + "/" + target.version();
            if (path.contains(key)) {
                throw RegistryException.invalidSchema("Invalid schema: circular reference through subject '"
                        + target.subject() + "' version " + target.version() + ".");
            }
            path.add(key);
            referencedTexts(target.references(), path, collected);
            path.remove(key);
            collected.add(target.schema());
        }
        return new ArrayList<>(collected);
    }

    private SubjectVersion find(SchemaReference ref, int index) {
        Optional<SubjectVersion> target = ref.version() == SchemaStore.LATEST
                ? state.latestLiveVersion(ref.subject())
                : state.liveVersion(ref.subject(), ref.version());
        return target.orElseThrow(() -> RegistryException.invalidSchema("Invalid schema: references[" + index + "] ('"
                + ref.name() + "') names subject '" + ref.subject() + "' version " + ref.version()
                + ", which does not exist."));
    }
}
