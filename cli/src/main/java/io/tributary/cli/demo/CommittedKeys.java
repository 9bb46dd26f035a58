package io.tributary.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.tributary.model.ClientSettings;

/**
 * Waits until a topic holds committed records under every key asked for: the demo sends reference
 * data first and waits for it in staging, so that the ods lookups of the claims that follow find it.
 */
public final class CommittedKeys {
    private final ClientSettings settings;

    public CommittedKeys(ClientSettings settings) {
        this.settings = settings;
    }

    /** @return true when every key arrived before {@code timeout}, false otherwise */
    public boolean await(String topic, Set<String> keys, Duration timeout) {
        Map<String, Object> config = settings.asConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-demo-reader");
        Set<String> missing = new HashSet<>(keys);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        missing.remove(new String(r.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return missing.isEmpty();
    }
}
