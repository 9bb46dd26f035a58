package io.tributary.registry.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Confluent's error body: {@code {"error_code": 40401, "message": "..."}}. */
@JsonPropertyOrder({"error_code", "message"})
public record ErrorResponse(@JsonProperty("error_code") int errorCode, @JsonProperty("message") String message) {
}
