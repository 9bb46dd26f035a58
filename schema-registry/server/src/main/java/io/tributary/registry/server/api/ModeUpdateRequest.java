package io.tributary.registry.server.api;

/** {@code PUT /mode}: {@code {"mode": "READONLY"}}. */
public record ModeUpdateRequest(String mode) {
}
