package io.tributary.processors.ods;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.PlatformTopics;
import io.tributary.topics.holds.HoldEvent;
import io.tributary.topics.holds.HoldLog;

/**
 * Follows the zone's steward holds topic ({@code _tributary.<zone>.holds}) and pauses or resumes the
 * zone's mapping applications to match.
 * {@link #catchUp()} applies every hold made so far before the applications start, so a held
 * dataset never moves on after a restart; {@link #start()} then follows new events on a thread.
 */
public final class HoldWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoldWatcher.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String zone;
    private final String topic;
    private final OdsRuntime runtime;
    private final KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private Thread thread;
    private java.util.function.Consumer<RuntimeException> onFailure = failure -> { };

    public HoldWatcher(String zone, Map<String, Object> client, OdsRuntime runtime) {
        this.zone = zone;
        this.topic = PlatformTopics.holds(zone);
        this.runtime = runtime;
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + zone + "-hold-watcher");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The topic the holds are read from. */
    public String topic() {
        return topic;
    }

    /** Applies every event up to the end of the topic as it is now. */
    public void catchUp() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(POLL).forEach(this::apply);
        }
        LOG.info("Zone {}: steward holds read from {}; held now: {}", zone, topic,
                runtime.heldDatasets().isEmpty() ? "none" : runtime.heldDatasets());
    }

    /**
     * Follows new holds in a thread of its own; {@code onFailure} hears of the failure that stops it
     * (e.g. the holds topic's read right withdrawn), so the process's health can report it.
     */
    public void start(java.util.function.Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        start();
    }

    public void start() {
        thread = new Thread(this::follow, "tributary-" + zone + "-hold-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(this::apply);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Zone {}: stopped following steward holds in {}: {}", zone, topic, e.toString());
            onFailure.accept(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        HoldLog.parse(topic, record).filter(e -> ofThisZone(e, record)).ifPresent(event -> {
            boolean known = event.isHold() ? runtime.pause(event.dataset()) : runtime.resume(event.dataset());
            if (known) {
                LOG.info("Zone {}: dataset {} {} by {} at {}: {}", zone, event.dataset(), event.isHold() ? "held" : "released",
                        event.by().isEmpty() ? "(unknown)" : event.by(), event.at(), event.reason());
            }
        });
    }

    // Only the zone's steward may write here (ACLs, HoldLog), so another zone's hold is a forgery or a bug: never obeyed.
    private boolean ofThisZone(HoldEvent event, ConsumerRecord<String, String> record) {
        if (event.zone().equals(zone)) {
            return true;
        }
        LOG.warn("Zone {}: skipping {}-{}@{}: a hold of zone {}'s dataset {} has no place in this zone's holds", zone, topic,
                record.partition(), record.offset(), event.zone(), event.dataset());
        return false;
    }

    @Override
    public void close() {
        running = false;
        if (thread == null) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
