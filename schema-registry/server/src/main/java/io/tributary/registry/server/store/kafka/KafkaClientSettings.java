package io.tributary.registry.server.store.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client properties shared by the store's producer, consumer and admin client: the
 * connection and security settings ({@code bootstrap.servers}, {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, ...), passed through unchanged, plus what each client needs to
 * keep the log's guarantees. The store's own settings win over passed-through ones where they
 * matter (acks, idempotence, serialisers).
 */
public final class KafkaClientSettings {
    private final Map<String, String> common;

    public KafkaClientSettings(Map<String, String> common) {
        this.common = Map.copyOf(common);
        Objects.requireNonNull(this.common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                "the Kafka setting bootstrap.servers is required");
    }

    /** Collects every {@code kafka.<name>} entry of {@code config} as {@code <name>}. */
    public static KafkaClientSettings fromPrefixed(Map<String, String> config) {
        Map<String, String> stripped = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith("kafka.") && key.length() > "kafka.".length()) {
                stripped.put(key.substring("kafka.".length()), value);
            }
        });
        return new KafkaClientSettings(stripped);
    }

    public String bootstrapServers() {
        return common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public Map<String, Object> admin(String clientId) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /**
     * The writer: transactional, so that starting a new writer with the same transactional id
     * fences the previous one (a deposed leader can no longer write).
     */
    public Map<String, Object> producer(String clientId, int maxBlockMs, String transactionalId) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlockMs));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /**
     * A consumer that reads by assignment from the beginning, in no group and committing nothing;
     * only committed writes (an aborted write of a fenced writer is never seen).
     */
    public Map<String, Object> consumer(String clientId) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /**
     * A member of the registry's group, used only for the leader election: it commits nothing
     * and fetches nothing (its partition is paused), but its membership says it is alive.
     */
    public Map<String, Object> electionMember(String clientId, String groupId, int sessionTimeoutMs) {
        Map<String, Object> props = consumer(clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeoutMs));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(500, sessionTimeoutMs / 4)));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return props;
    }
}
