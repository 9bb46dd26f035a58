package io.tributary.registry.server.api;

/** {@code {"subject": "orders-value", "version": 1}} */
public record SubjectVersionRefResponse(String subject, int version) {
}
