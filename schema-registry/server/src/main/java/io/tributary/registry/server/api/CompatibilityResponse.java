package io.tributary.registry.server.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"is_compatible": false, "messages": [...]}}; messages only when {@code verbose=true}. */
public record CompatibilityResponse(@JsonProperty("is_compatible") boolean isCompatible,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {
}
