package io.tributary.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tries reads, writes and describes with real clients authenticated as one principal, and says
 * whether the broker allowed or denied each; anything else (a timeout, another error) fails.
 */
final class AccessProbe implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String principal;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    AccessProbe(String principal, Map<String, Object> clientConfig) {
        this.principal = principal;
        Map<String, Object> common = new HashMap<>(clientConfig);
        common.keySet().removeIf(k -> k.startsWith("schema.registry") || k.startsWith("basic.auth"));
        Map<String, Object> admin = new HashMap<>(common);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis() - 1);
        this.admin = Admin.create(admin);
        Map<String, Object> producer = new HashMap<>(common);
        // Idempotence would need WRITE somewhere before anything is sent; the probe tests each topic alone.
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        producer.put(ProducerConfig.ACKS_CONFIG, "1");
        producer.put(ProducerConfig.RETRIES_CONFIG, 0);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis() - 1);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        Map<String, Object> consumer = new HashMap<>(common);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer());
    }

    /** Topic → whether describing it was allowed. */
    Map<String, Boolean> describe(List<String> topics) {
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(topics).topicNameValues();
        Map<String, Boolean> allowed = new LinkedHashMap<>();
        for (String topic : topics) {
            try {
                futures.get(topic).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                allowed.put(topic, true);
            } catch (ExecutionException e) {
                allowed.put(topic, denied(e.getCause(), "describe", topic));
            } catch (Exception e) {
                throw new AssertionError(principal + " describing " + topic + ": " + e, e);
            }
        }
        return allowed;
    }

    boolean write(String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "probe", "written by " + principal)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return denied(e.getCause(), "write", topic);
        } catch (TopicAuthorizationException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(principal + " writing " + topic + ": " + e, e);
        }
    }

    /** Allowed if a record of the (seeded) topic arrives, denied if the broker says so. */
    boolean read(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    return true;
                }
            }
            throw new AssertionError(principal + " reading " + topic + ": neither a record nor a refusal within " + WAIT);
        } catch (TopicAuthorizationException e) {
            return false;
        } finally {
            consumer.unsubscribe();
        }
    }

    private boolean denied(Throwable cause, String what, String topic) {
        if (cause instanceof TopicAuthorizationException) {
            return false;
        }
        throw new AssertionError(principal + " " + what + " " + topic + ": expected allowed or denied, got " + cause, cause);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        consumer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
