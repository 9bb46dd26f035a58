package io.tributary.processors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.model.PlatformTopics;
import io.tributary.topics.StageTopicPolicy;
import io.tributary.topics.TopicSpec;

/**
 * Plain Kafka clients against the test broker: create topics, produce, read committed records. Every
 * client logs in as {@code client} says (the secured broker's platform user).
 */
final class Cluster implements AutoCloseable {
    private final Map<String, Object> client;
    private final KafkaProducer<byte[], byte[]> producer;

    /** @param client bootstrap and security settings, e.g. {@link SecuredBroker#client()} */
    Cluster(Map<String, Object> client) {
        this.client = Map.copyOf(client);
        // Producers may send up to what landing topics take, e.g. a record the validator rejects as too large.
        this.producer = new KafkaProducer<>(with("linger.ms", 5, "max.request.size", StageTopicPolicy.LANDING_MAX_MESSAGE_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The client settings with {@code keysAndValues} (key, value, key, value…) on top. */
    private Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>(client);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    /** Creates the topics as {@code tributary zones apply} does: partitions and configs from the stage topic policy. */
    void createTopics(List<TopicSpec> topics) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.configs()))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Creates the zone's platform topics ({@code _tributary.<zone>.*}), as {@code tributary zones apply} does. */
    void createPlatformTopics(String zone) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(PlatformTopics.of(zone).stream().map(t -> new NewTopic(t.name(), 1, (short) 1).configs(t.configs()))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Every committed record of {@code topic}, read up to its end as it is now. */
    List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic) {
        Map<String, Object> config = with("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic + " to its end").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The records of {@code topic} that match, once there are {@code count} of them (within 60 s): exactly that many. */
    List<ConsumerRecord<byte[], byte[]>> awaitMatching(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching, int count) {
        List<ConsumerRecord<byte[], byte[]>> found = awaitAtLeast(topic, matching, count);
        assertThat(found).as("records of " + topic + " that match").hasSize(count);
        return found;
    }

    /** The records of {@code topic} that match, once there are at least {@code count} of them (within 60 s). */
    List<ConsumerRecord<byte[], byte[]>> awaitAtLeast(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<byte[], byte[]>> found = readToEnd(topic).stream().filter(matching).toList();
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(200);
            found = readToEnd(topic).stream().filter(matching).toList();
        }
        assertThat(found).as("records of " + topic + " that match").hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sendAsync(ProducerRecord<byte[], byte[]> record) {
        producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    /** Every committed record of {@code topic} once at least {@code atLeast} are there (or the timeout passed). */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast, Duration timeout) {
        Map<String, Object> config = with("auto.offset.reset", "earliest", "isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    List<ConsumerRecord<byte[], byte[]>> readExactly(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, count, Duration.ofSeconds(60));
        assertThat(records).as("committed records in " + topic).hasSize(count);
        return records;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
