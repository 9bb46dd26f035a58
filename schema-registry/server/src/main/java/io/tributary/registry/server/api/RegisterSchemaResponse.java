package io.tributary.registry.server.api;

/** {@code {"id": 1}} */
public record RegisterSchemaResponse(int id) {
}
