package io.tributary.registry.server.store.kafka;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The value of a SCHEMA record in {@code _schemas}, in Confluent's layout. {@code schemaType}
 * is left out for AVRO, as Confluent does. Fields this registry does not use yet (references,
 * metadata, ruleSet) are ignored on reading.
 */
@JsonPropertyOrder({"subject", "version", "id", "schemaType", "schema", "deleted"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaLogValue(String subject, Integer version, Integer id, String schemaType, String schema,
        boolean deleted) {
}
