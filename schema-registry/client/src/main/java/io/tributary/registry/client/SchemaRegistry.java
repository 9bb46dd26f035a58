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
}
