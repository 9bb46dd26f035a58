package io.tributary.registry.server.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a registration or look-up, as Confluent's clients send it. Fields this registry
 * does not support yet are read so that a request using them is refused rather than half-done.
 */
public record RegisterSchemaRequest(String schema, String schemaType, List<JsonNode> references,
        JsonNode metadata, JsonNode ruleSet, Integer id, Integer version) {
}
