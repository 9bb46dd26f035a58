package io.tributary.connect.source.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.source.store.IngressObject;

/**
 * Follows the notification topic from its end: notifications are hints, the bucket is the truth,
 * so nothing is stored about where reading stopped. What was announced while no task listened is
 * found by the listing every task does when it starts. No consumer group: each task reads every
 * partition and keeps the keys of its own zones.
 */
public final class NotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String bucket;

    public NotificationListener(String topic, String bucket, Map<String, Object> consumerSettings) {
        this.topic = topic;
        this.bucket = bucket;
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("The notification topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the positions now, before the bucket is listed, so that nothing created in between is missed.
        partitions.forEach(consumer::position);
        LOG.info("Following S3 event notifications for bucket {} on {} ({} partition(s)) from their end", bucket, topic, partitions.size());
    }

    /** Objects announced since the last call, waiting at most {@code timeout} for the first. */
    public List<IngressObject> poll(Duration timeout) {
        List<IngressObject> created = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            if (record.value() == null) {
                continue;
            }
            try {
                created.addAll(S3EventNotifications.createdObjects(record.value(), bucket));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignored the notification at {}-{} offset {}: {}", topic, record.partition(), record.offset(), e.getMessage());
            }
        }
        return created;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
