package io.tributary.topics.holds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.PlatformTopics;

/**
 * One zone's steward holds on the cluster: {@code _tributary.<zone>.holds} (compacted: the latest
 * event per dataset) and {@code _tributary.<zone>.holds.audit} (every event, kept forever). An event
 * goes to both in one transaction, so the audit trail and the current holds never disagree. Each zone
 * has its own topics and transactional ids ({@link PlatformTopics}), so the ACLs let a zone's steward
 * hold its own datasets only.
 */
public final class HoldLog {
    private static final Logger LOG = LoggerFactory.getLogger(HoldLog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> client;
    private final String zone;
    private final String holdsTopic;
    private final String auditTopic;

    /**
     * @param client Kafka client settings (bootstrap, security)
     * @param zone whose holds this log reads and writes
     */
    public HoldLog(Map<String, Object> client, String zone) {
        this.client = Map.copyOf(client);
        this.zone = zone;
        this.holdsTopic = PlatformTopics.holds(zone);
        this.auditTopic = PlatformTopics.holdsAudit(zone);
    }

    public String zone() {
        return zone;
    }

    public String holdsTopic() {
        return holdsTopic;
    }

    public String auditTopic() {
        return auditTopic;
    }

    /**
     * Creates both topics if they are missing, with the broker's default replication (one
     * partition: holds are few, and their order matters). Platform topics are the platform's to
     * create ({@code tributary zones apply}, as a super user): no zone role has CREATE on them, so
     * the processors wait for them instead, and a steward's client finds them there.
     */
    public void ensureTopics() {
        try (Admin admin = Admin.create(client)) {
            for (PlatformTopics.PlatformTopic topic : PlatformTopics.of(zone)) {
                if (topic.name().equals(holdsTopic) || topic.name().equals(auditTopic)) {
                    create(admin, new NewTopic(topic.name(), Optional.of(1), Optional.empty()).configs(topic.configs()));
                }
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info("Created the steward topic {}", topic.name());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT.toSeconds() + " s creating topic " + topic.name(), e);
        }
    }

    /** Writes {@code event} to the holds topic and the audit topic, atomically. */
    public void append(HoldEvent event) {
        if (!event.zone().equals(zone)) {
            throw new IllegalArgumentException("A hold of " + event.key() + " belongs to zone " + event.zone() + "'s holds, not to "
                    + holdsTopic);
        }
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, PlatformTopics.stewardTransactionalIdPrefix(zone) + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            String json = event.toJson();
            producer.send(new ProducerRecord<>(holdsTopic, event.key(), json));
            producer.send(new ProducerRecord<>(auditTopic, event.key(), json));
            producer.commitTransaction();
        }
    }

    /** The latest event of every dataset of the zone that ever had one, by {@code <zone>.<dataset>}. */
    public Map<String, HoldEvent> current() {
        Map<String, HoldEvent> latest = new LinkedHashMap<>();
        readAll(holdsTopic).forEach(e -> latest.put(e.key(), e));
        return latest;
    }

    /** The datasets on hold now. */
    public List<HoldEvent> held() {
        return current().values().stream().filter(HoldEvent::isHold).toList();
    }

    public Optional<HoldEvent> current(String zone, String dataset) {
        return Optional.ofNullable(current().get(zone + "." + dataset));
    }

    /** Every hold and release ever made, oldest first. */
    public List<HoldEvent> history() {
        return readAll(auditTopic);
    }

    private List<HoldEvent> readAll(String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<HoldEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    parse(topic, record).ifPresent(events::add);
                }
            }
        }
        return events;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** An event, or empty (and a warning naming topic, partition and offset) for a record that is not one. */
    public static Optional<HoldEvent> parse(String topic, ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HoldEvent.fromJson(record.value()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping {}-{}@{}: not a hold event: {}", topic, record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
