package io.tributary.ingest.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Plain Kafka clients against the test broker, logged in as {@code client} says: create topics, read what landed. */
final class Topics {
    private Topics() {
    }

    static void create(Map<String, Object> client, int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every record of {@code topic} whose {@code tributary.request.id} is {@code requestId}, once at least {@code atLeast} are
     * there (else after the wait), read by the client {@code client} configures (a secured cluster's user).
     */
    static List<ConsumerRecord<byte[], byte[]>> ofRequest(Map<String, Object> client, String topic, String requestId, int atLeast, Duration wait) {
        List<ConsumerRecord<byte[], byte[]>> matching = matching(client, topic, r -> requestId.equals(header(r, "tributary.request.id")),
                atLeast, wait, Duration.ofMillis(500));
        matching.sort(java.util.Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition()).thenComparingLong(r -> r.offset()));
        return matching;
    }

    /** Every record of {@code topic} keyed {@code key} (UTF-8), once at least {@code atLeast} are there (else after the wait). */
    static List<ConsumerRecord<byte[], byte[]>> keyed(Map<String, Object> client, String topic, String key, int atLeast, Duration wait) {
        return matching(client, topic, r -> r.key() != null && key.equals(text(r.key())), atLeast, wait, Duration.ZERO);
    }

    /**
     * The records of {@code topic} that {@code wanted} accepts, read from the beginning until at least
     * {@code atLeast} are there (or {@code wait} has passed), then for {@code linger} more, so that a
     * duplicate would be seen too.
     */
    private static List<ConsumerRecord<byte[], byte[]>> matching(Map<String, Object> client, String topic,
            java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> wanted, int atLeast, Duration wait, Duration linger) {
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            do {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r)) {
                        matching.add(r);
                    }
                });
            } while (matching.size() < atLeast && System.nanoTime() < deadline);
            if (!linger.isZero()) {
                consumer.poll(linger).forEach(r -> {
                    if (wanted.test(r)) {
                        matching.add(r);
                    }
                });
            }
        }
        return matching;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
