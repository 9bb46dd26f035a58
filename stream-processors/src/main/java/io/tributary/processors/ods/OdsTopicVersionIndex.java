package io.tributary.processors.ods;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.RejectHeaderNames;

/**
 * A task's {@link VersionIndex} in memory, rebuilt from the entity's ods topic instead of a changelog:
 * every ods record carries its version, priority and source (staging topic, partition, offset) in
 * headers, so the records this task wrote are the index.
 *
 * <p>Why this is exact, also after a crash. The rebuild runs when the task's first record reaches the
 * upsert, with that record's staging offset {@code F}; it reads the ods topic with
 * {@code read_uncommitted} up to the end offsets of that moment and keeps the records whose source is
 * this task's staging partition and whose source offset is below {@code F}. Under exactly_once_v2 the
 * staging offsets and the ods writes commit in one transaction, so every staging record below {@code F}
 * was processed in a committed transaction, and none at or above it was (the task resumes at its
 * committed offset). A record kept from an aborted transaction (a crash, a fenced zombie) is a copy
 * of the output of a staging record that was later processed again and committed; its version and
 * priority are the same both times (they come from the staging record and the descriptor), and the
 * committed processing either wrote that same version or dropped it because the key already had a
 * newer one, so the maximum per key is the committed state. Aborted writes at or above {@code F} are
 * ignored: those staging records are about to be processed again. Reading {@code read_committed}
 * instead would wait on the last stable offset, which this thread's own open transaction (other
 * tasks) can hold back: a deadlock. A task initialised again after a dirty close (its transaction
 * aborted) gets a new index and rebuilds it the same way.
 *
 * <p>Limits: the index is per task, as the changelogged store is; the ods topic is compacted, so a
 * key written from two staging partitions keeps only the last of the two tasks' records, and the
 * other task then forgets that key at a restart (keys come through one partition when the staging
 * key is the business key). The rebuild reads the whole topic once per task and blocks that stream
 * thread meanwhile (it must stay within the transaction timeout when other tasks of the thread have
 * an open transaction).
 */
final class OdsTopicVersionIndex implements VersionIndex {
    private static final Logger LOG = LoggerFactory.getLogger(OdsTopicVersionIndex.class);
    private final String zone;
    private final String entity;
    private final String odsTopic;
    private final ProcessorContext<?, ?> context;
    private final OdsTopicReader reader;
    private LatestVersions latest;

    OdsTopicVersionIndex(String zone, String entity, String odsTopic, ProcessorContext<?, ?> context, OdsTopicReader reader) {
        this.zone = zone;
        this.entity = entity;
        this.odsTopic = odsTopic;
        this.context = context;
        this.reader = reader;
    }

    static VersionIndex.Opener opener(String zone, String entity, String odsTopic, OdsTopicReader reader) {
        return context -> new OdsTopicVersionIndex(zone, entity, odsTopic, context, reader);
    }

    @Override
    public boolean advance(byte[] key, long version, int priority) {
        if (latest == null) {
            RecordMetadata first = context.recordMetadata().orElseThrow();
            long started = System.nanoTime();
            String clientId = context.applicationId() + "-" + context.taskId() + "-" + entity + "-versions";
            latest = rebuild(reader, odsTopic, consumerConfig(context.appConfigs(), clientId), first.topic(), first.partition(),
                    first.offset());
            LOG.info("Zone {} entity {}: task {} rebuilt its versions of {} keys from {} (source {}-{} below offset {}) in {} ms", zone,
                    entity, context.taskId(), latest.size(), odsTopic, first.topic(), first.partition(), first.offset(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return latest.advance(key, version, priority);
    }

    /** The versions of the ods records that staging {@code sourceTopic}-{@code sourcePartition} below {@code firstUnprocessed} wrote. */
    static LatestVersions rebuild(OdsTopicReader reader, String odsTopic, Map<String, Object> consumerConfig, String sourceTopic,
            int sourcePartition, long firstUnprocessed) {
        LatestVersions latest = new LatestVersions();
        if (firstUnprocessed <= 0) {
            // Nothing of this partition was ever processed (a new dataset, a first start): no need to read the topic.
            return latest;
        }
        byte[] topic = sourceTopic.getBytes(StandardCharsets.UTF_8);
        byte[] partition = Integer.toString(sourcePartition).getBytes(StandardCharsets.UTF_8);
        reader.readAll(odsTopic, consumerConfig, record -> {
            Headers headers = record.headers();
            if (record.key() == null || !is(headers, RejectHeaderNames.SOURCE_TOPIC, topic)
                    || !is(headers, RejectHeaderNames.SOURCE_PARTITION, partition)) {
                return;
            }
            try {
                if (OdsHeaders.longValue(headers, RejectHeaderNames.SOURCE_OFFSET) < firstUnprocessed) {
                    latest.advance(record.key(), OdsHeaders.longValue(headers, RejectHeaderNames.ODS_VERSION),
                            (int) OdsHeaders.longValue(headers, RejectHeaderNames.ODS_PRIORITY));
                }
            } catch (IllegalArgumentException e) {
                // Not written by the upsert (the processor drops such records too): nothing to order by.
                LOG.warn("Topic {}: record {}-{}@{} skipped in the version rebuild: {}", odsTopic, record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        });
        return latest;
    }

    private static boolean is(Headers headers, String key, byte[] expected) {
        Header header = headers.lastHeader(key);
        return header != null && Arrays.equals(header.value(), expected);
    }

    /**
     * The application's consumer settings (bootstrap, security; {@code consumer.} and
     * {@code restore.consumer.} overrides as Kafka Streams applies them to its restore consumer),
     * without a group, reading uncommitted records (see the class comment).
     */
    static Map<String, Object> consumerConfig(Map<String, Object> appConfigs, String clientId) {
        Set<String> names = ConsumerConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        appConfigs.forEach((name, value) -> {
            if (names.contains(name)) {
                config.put(name, value);
            }
        });
        for (String prefix : new String[] {StreamsConfig.CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX}) {
            appConfigs.forEach((name, value) -> {
                if (name.startsWith(prefix) && names.contains(name.substring(prefix.length()))) {
                    config.put(name.substring(prefix.length()), value);
                }
            });
        }
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return config;
    }
}
