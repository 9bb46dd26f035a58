package io.tributary.processors.ods;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** {@link OdsTopicReader} with an unsubscribed consumer (no group): assign all partitions, read to the end offsets. */
final class KafkaOdsTopicReader implements OdsTopicReader {
    private final Duration timeout;

    KafkaOdsTopicReader(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void readAll(String topic, Map<String, Object> consumerConfig, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions visible to " + consumerConfig.get("client.id"));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), timeout) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + ": not read to its end offsets " + end + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(each);
            }
        }
    }
}
