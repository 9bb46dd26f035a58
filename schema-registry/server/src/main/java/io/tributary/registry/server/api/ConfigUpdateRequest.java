package io.tributary.registry.server.api;

/** {@code PUT /config}: {@code {"compatibility": "FULL"}} ({@code compatibilityLevel} is accepted too). */
public record ConfigUpdateRequest(String compatibility, String compatibilityLevel) {
    String level() {
        return compatibility != null ? compatibility : compatibilityLevel;
    }
}
