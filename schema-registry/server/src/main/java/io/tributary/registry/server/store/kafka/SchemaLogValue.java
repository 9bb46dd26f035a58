package io.tributary.registry.server.store.kafka;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tributary.registry.server.schema.SchemaReference;

/**
 * The value of a SCHEMA record in {@code _schemas}, in Confluent's layout. {@code schemaType}
 * is left out for AVRO and {@code references} when there are none, as Confluent does. Fields
 * this registry does not use (metadata, ruleSet) are ignored on reading.
 */
@JsonPropertyOrder({"subject", "version", "id", "schemaType", "references", "schema", "deleted"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaLogValue(String subject, Integer version, Integer id, String schemaType,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SchemaReference> references, String schema, boolean deleted) {
}
