package io.tributary.registry.server.store;

/** A subject and one of its versions: {@code {"subject": "orders-value", "version": 2}}. */
public record VersionRef(String subject, int version) {
}
