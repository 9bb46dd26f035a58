package io.tributary.registry.server.store.kafka;

/** The schema topic exists but cannot serve as the registry's log; retrying will not help. */
public final class SchemaTopicException extends RuntimeException {
    public SchemaTopicException(String message) {
        super(message);
    }
}
