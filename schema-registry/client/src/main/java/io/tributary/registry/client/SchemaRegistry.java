package io.tributary.registry.client;

import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * What the platform needs of a schema registry. Implemented over Confluent's REST API, so the
 * registry behind it may be ours, Confluent's, Apicurio's compatibility API or Karapace.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; {@link RegistryException} with status 404 if there is none. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}, or empty if the subject is unknown. */
    Optional<SubjectVersion> latest(String subject);

    /** Every subject that has at least one live version. */
    List<String> subjects();

    /**
     * The id of {@code schema} if {@code subject} holds it, without registering anything;
     * {@link RegistryException} with status 404 otherwise. The default asks for the latest
     * version only; registries over HTTP look the schema up among all versions.
     */
    default int lookupId(String subject, Schema schema) {
        Optional<SubjectVersion> latest = latest(subject);
        if (latest.isPresent() && latest.get().schema().equals(schema)) {
            return latest.get().id();
        }
        throw new RegistryException("Schema " + schema.getFullName() + " is not registered under subject '" + subject + "'",
                404, latest.isPresent() ? 40403 : 40401);
    }
}
