package io.tributary.registry.server.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a registration, look-up or compatibility check, as Confluent's clients send it.
 * Fields this registry does not support (metadata, ruleSet) are read so that a request using
 * them is refused rather than half-done.
 */
public record RegisterSchemaRequest(String schema, String schemaType, List<ReferenceRequest> references,
        JsonNode metadata, JsonNode ruleSet, Integer id, Integer version) {

    /** {@code {"name": "com.acme.Address", "subject": "address-value", "version": 1}} */
    public record ReferenceRequest(String name, String subject, Integer version) {
    }
}
