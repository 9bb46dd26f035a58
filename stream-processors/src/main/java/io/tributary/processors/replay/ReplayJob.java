package io.tributary.processors.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.DatasetSpec;
import io.tributary.model.PlatformTopics;
import io.tributary.model.RejectHeaderNames;
import io.tributary.model.Stage;
import io.tributary.model.ValidationMode;
import io.tributary.processors.batch.BatchDecision;
import io.tributary.processors.batch.BatchReport;
import io.tributary.processors.batch.BatchState;
import io.tributary.processors.batch.Outgoing;
import io.tributary.processors.batch.PendingRecord;
import io.tributary.processors.topology.DatasetValidator;
import io.tributary.processors.topology.RejectHeaders;
import io.tributary.processors.topology.Verdict;
import io.tributary.topics.StageTopicPolicy;

/**
 * Re-validates a dataset's landing records from a start offset or time with its current contract
 * (after a fix of the schema, the rules or the producer's contract), up to where the running
 * validator has got (its committed offsets: what lies beyond, it validates itself). Idempotent by
 * source offset: a landing record whose offset is already in staging (source headers) is skipped,
 * so nothing reaches staging twice; records it rejects again are written to rejected again, each
 * rejection with the replay's id. Batch datasets replay whole batches that were rejected (their
 * report on the zone's {@code _tributary.<zone>.batches} says so) and are complete in the range. Writes in Kafka
 * transactions of its own, with the {@code tributary.replay.id} header.
 */
public final class ReplayJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJob.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS_PER_TRANSACTION = 500;

    private final String zone;
    private final String applicationId;
    private final Map<String, Object> kafka;
    private final String batchesTopic;

    /** @param kafka the client settings (bootstrap, security) the validator uses */
    public ReplayJob(String zone, String applicationId, Map<String, Object> kafka) {
        this.zone = zone;
        this.applicationId = applicationId;
        this.kafka = Map.copyOf(kafka);
        this.batchesTopic = PlatformTopics.batches(zone);
    }

    public ReplayReport run(DatasetValidator validator, ReplayStart start) {
        DatasetSpec dataset = validator.dataset();
        String replayId = UUID.randomUUID().toString();
        String landing = dataset.topic(zone, Stage.LANDING).toString();
        String staging = dataset.topic(zone, Stage.STAGING).toString();
        String rejected = dataset.topic(zone, Stage.REJECTED).toString();
        LOG.info("Zone {} dataset {}: replay {} from {} starts", zone, dataset.name(), replayId, start);
        Counts counts = new Counts();
        Map<Integer, ReplayReport.PartitionRange> ranges;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer(dataset)) {
            // First fence any other replay of this dataset (same transactional id, e.g. on another validator instance):
            // its open transaction is aborted or completed before staging is read, so what it staged is seen here and
            // nothing can be staged twice.
            producer.initTransactions();
            ranges = ranges(consumer, landing, start);
            StagedOffsets stagedOffsets = StagedOffsets.read(consumer, staging, landing, ranges, TIMEOUT);
            Set<String> rejectedBatches = dataset.validationMode() == ValidationMode.BATCH ? rejectedBatches(consumer, dataset)
                    : Set.of();
            Writer writer = new Writer(producer, staging, rejected, replayId);
            if (dataset.validationMode() == ValidationMode.BATCH) {
                replayBatches(consumer, landing, ranges, stagedOffsets, rejectedBatches, validator, writer, counts);
            } else {
                replayRecords(consumer, landing, ranges, stagedOffsets, validator, writer, counts);
            }
            writer.commit();
        }
        ReplayReport report = new ReplayReport(replayId, zone, dataset.name(), start.toString(), List.copyOf(ranges.values()),
                counts.scanned, counts.alreadyStaged, counts.accepted, counts.rejected, counts.batchesPromoted,
                counts.batchesRejected, counts.batchesSkipped);
        LOG.info("Zone {} dataset {}: replay {} done: {} records read, {} already in staging, {} to staging, {} to rejected",
                zone, dataset.name(), replayId, counts.scanned, counts.alreadyStaged, counts.accepted, counts.rejected);
        return report;
    }

    private static final class Counts {
        long scanned;
        long alreadyStaged;
        long accepted;
        long rejected;
        long batchesPromoted;
        long batchesRejected;
        long batchesSkipped;
    }

    /** Sends in transactions of a bounded size; every record carries the replay's id. */
    private static final class Writer {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String staging;
        private final String rejected;
        private final byte[] replayId;
        private int inTransaction;

        Writer(KafkaProducer<byte[], byte[]> producer, String staging, String rejected, String replayId) {
            this.producer = producer;
            this.staging = staging;
            this.rejected = rejected;
            this.replayId = replayId.getBytes(StandardCharsets.UTF_8);
        }

        void send(boolean toStaging, byte[] key, byte[] value, long timestamp, Headers headers) {
            if (inTransaction == 0) {
                producer.beginTransaction();
            }
            headers.remove(RejectHeaderNames.REPLAY_ID);
            headers.add(RejectHeaderNames.REPLAY_ID, replayId);
            producer.send(new ProducerRecord<>(toStaging ? staging : rejected, null, timestamp, key, value, headers));
            if (++inTransaction >= RECORDS_PER_TRANSACTION) {
                commit();
            }
        }

        void sendReport(String topic, byte[] key, byte[] value) {
            if (inTransaction == 0) {
                producer.beginTransaction();
            }
            producer.send(new ProducerRecord<>(topic, key, value));
            inTransaction++;
        }

        void commit() {
            if (inTransaction > 0) {
                producer.commitTransaction();
                inTransaction = 0;
            }
        }
    }

    private void replayRecords(KafkaConsumer<byte[], byte[]> consumer, String landing, Map<Integer, ReplayReport.PartitionRange> ranges,
            StagedOffsets staged, DatasetValidator validator, Writer writer, Counts counts) {
        read(consumer, landing, ranges, r -> {
            counts.scanned++;
            if (staged.contains(r.partition(), r.offset())) {
                counts.alreadyStaged++;
                return;
            }
            Verdict verdict = validator.validate(r.value(), r.headers());
            if (verdict instanceof Verdict.Accepted a) {
                counts.accepted++;
                writer.send(true, a.key(), a.value(), r.timestamp(),
                        RejectHeaders.staging(r.headers(), landing, r.partition(), r.offset(), a.warnings()));
            } else {
                counts.rejected++;
                writer.send(false, r.key(), r.value(), r.timestamp(),
                        RejectHeaders.rejection(r.headers(), ((Verdict.Rejected) verdict).why(), landing, r.partition(), r.offset()));
            }
        });
    }

    private void replayBatches(KafkaConsumer<byte[], byte[]> consumer, String landing, Map<Integer, ReplayReport.PartitionRange> ranges,
            StagedOffsets staged, Set<String> rejectedBatches, DatasetValidator validator, Writer writer, Counts counts) {
        DatasetSpec dataset = validator.dataset();
        Map<String, List<PendingRecord>> open = new LinkedHashMap<>();
        Map<String, Integer> expected = new HashMap<>();
        Set<String> skipped = new HashSet<>();
        BatchDecision decision = new BatchDecision(zone, dataset.name(), dataset.batch());
        read(consumer, landing, ranges, r -> {
            counts.scanned++;
            String batchId = header(r, RejectHeaderNames.BATCH_ID);
            if (batchId == null || skipped.contains(batchId)) {
                return;
            }
            if (!rejectedBatches.contains(batchId) || staged.contains(r.partition(), r.offset())) {
                skipped.add(batchId);
                open.remove(batchId);
                return;
            }
            List<PendingRecord> records = open.computeIfAbsent(batchId, b -> new ArrayList<>());
            if (records.size() >= dataset.batch().maxRecords()) {
                skipped.add(batchId);
                open.remove(batchId);
                return;
            }
            records.add(new PendingRecord(r.key(), r.value(), r.headers(), r.timestamp(), landing, r.partition(), r.offset(),
                    validator.validate(r.value(), r.headers())));
            String end = header(r, RejectHeaderNames.BATCH_END);
            if (end != null && end.strip().matches("[0-9]{1,9}")) {
                expected.put(batchId, Integer.parseInt(end.strip()));
            }
            Integer count = expected.get(batchId);
            if (count != null && records.size() >= count) {
                BatchState state = new BatchState(records.get(0).timestamp(), records.size(), count, 0, false, false);
                BatchDecision.Result result = decision.decide(batchId, records, state,
                        records.size() == count ? BatchDecision.Cause.COMPLETE : BatchDecision.Cause.COUNT_MISMATCH,
                        System.currentTimeMillis());
                for (Outgoing o : result.records()) {
                    switch (o.destination()) {
                        case STAGING -> {
                            counts.accepted++;
                            writer.send(true, o.key(), o.value(), o.timestamp(), o.headers());
                        }
                        case REJECTED -> {
                            counts.rejected++;
                            writer.send(false, o.key(), o.value(), o.timestamp(), o.headers());
                        }
                        case REPORT -> writer.sendReport(batchesTopic, o.key(), o.value());
                    }
                }
                if (result.promoted()) {
                    counts.batchesPromoted++;
                } else {
                    counts.batchesRejected++;
                }
                open.remove(batchId);
                skipped.add(batchId);
            }
        });
        counts.batchesSkipped += skipped.size() - counts.batchesPromoted - counts.batchesRejected + open.size();
    }

    /** Batch ids whose latest report on the batches topic says REJECTED. */
    private Set<String> rejectedBatches(KafkaConsumer<byte[], byte[]> consumer, DatasetSpec dataset) {
        String prefix = zone + "." + dataset.name() + "/";
        Map<String, String> outcomes = new HashMap<>();
        List<TopicPartition> partitions = consumer.partitionsFor(batchesTopic, TIMEOUT).stream()
                .map(p -> new TopicPartition(batchesTopic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                if (key.startsWith(prefix) && r.value() != null) {
                    outcomes.put(key.substring(prefix.length()), BatchReport.fromJson(r.value()).outcome());
                }
            }
        }
        Set<String> rejected = new HashSet<>();
        outcomes.forEach((batch, outcome) -> {
            if (outcome.equals("REJECTED")) {
                rejected.add(batch);
            }
        });
        return rejected;
    }

    private Map<Integer, ReplayReport.PartitionRange> ranges(KafkaConsumer<byte[], byte[]> consumer, String landing, ReplayStart start) {
        List<TopicPartition> partitions = consumer.partitionsFor(landing, TIMEOUT).stream()
                .map(p -> new TopicPartition(landing, p.partition())).toList();
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> startOffsets = new HashMap<>();
        if (start.offset() != null) {
            partitions.forEach(p -> startOffsets.put(p, Math.max(beginning.get(p), start.offset())));
        } else {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, start.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            partitions.forEach(p -> startOffsets.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(partitions);
        Map<Integer, ReplayReport.PartitionRange> ranges = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            long from = startOffsets.get(p);
            OffsetAndMetadata done = committed.get(p);
            long to = done == null ? from : Math.max(from, done.offset());
            ranges.put(p.partition(), new ReplayReport.PartitionRange(p.partition(), from, to));
        }
        return ranges;
    }

    /** How far the running validator has got: its consumer group's committed offsets. */
    private Map<TopicPartition, OffsetAndMetadata> committed(List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
            for (TopicPartition p : partitions) {
                if (all.get(p) != null) {
                    result.put(p, all.get(p));
                }
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of group " + applicationId, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the committed offsets of group " + applicationId + ": " + e.getMessage(), e);
        }
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, String topic, Map<Integer, ReplayReport.PartitionRange> ranges,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (ReplayReport.PartitionRange range : ranges.values()) {
            if (range.to() > range.from()) {
                partitions.add(new TopicPartition(topic, range.partition()));
            }
        }
        consumer.assign(partitions);
        for (TopicPartition p : partitions) {
            consumer.seek(p, ranges.get(p.partition()).from());
        }
        Set<TopicPartition> remaining = new HashSet<>(partitions);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!remaining.isEmpty()) {
            var batch = consumer.poll(Duration.ofMillis(200));
            if (batch.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("no records from " + remaining + " for " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                long to = ranges.get(r.partition()).to();
                if (r.offset() < to) {
                    each.accept(r);
                    deadline = System.nanoTime() + TIMEOUT.toNanos();
                }
            }
            for (TopicPartition p : List.copyOf(remaining)) {
                if (consumer.position(p) >= ranges.get(p.partition()).to()) {
                    remaining.remove(p);
                    consumer.pause(List.of(p));
                }
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-replay");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer(DatasetSpec dataset) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-replay-" + dataset.name());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A landing record up to the landing topics' limit is re-rejected with its original bytes.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StageTopicPolicy.REJECTED_MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
