package io.tributary.registry.server.store.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the log itself, under Confluent's names: {@code kafkastore.topic},
 * {@code kafkastore.topic.replication.factor}, {@code kafkastore.timeout.ms}; and the
 * transactional id the elected writer fences earlier writers with.
 *
 * @param timeout how long an operation waits for Kafka (a write to be acknowledged and read
 *                back, the reader to catch up) before the request fails with 50002
 */
public record SchemaLogSettings(String topic, short replicationFactor, Duration timeout, String transactionalId) {
    public SchemaLogSettings {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("kafkastore.topic must not be blank");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("kafkastore.topic.replication.factor must be at least 1, was " + replicationFactor);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("kafkastore.timeout.ms must be positive, was " + timeout.toMillis());
        }
        if (transactionalId == null || transactionalId.isBlank()) {
            transactionalId = defaultTransactionalId(topic);
        }
    }

    public SchemaLogSettings(String topic, short replicationFactor, Duration timeout) {
        this(topic, replicationFactor, timeout, null);
    }

    /** One writer identity per schema topic, shared by every instance serving it. */
    public static String defaultTransactionalId(String topic) {
        return "tributary-registry-writer-" + topic;
    }
}
