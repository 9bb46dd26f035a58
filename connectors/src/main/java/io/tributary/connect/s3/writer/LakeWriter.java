package io.tributary.connect.s3.writer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.BatchCommitter;
import io.tributary.connect.s3.commit.ResumePointFinder;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.model.TopicName;

/**
 * The sink's core, free of Connect: one {@link TopicPartitionWriter} per assigned partition,
 * a memory budget over all their open files, and the offsets that are safe to commit.
 */
public final class LakeWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeWriter.class);
    private static final int MEMORY_CHECK_EVERY = 100;

    private final WriterSettings settings;
    private final ObjectStore store;
    private final ResumePointFinder resumePoints;
    private final BatchCommitter committer;
    private final LongSupplier clock;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private long writesSinceMemoryCheck;

    public LakeWriter(WriterSettings settings, ObjectStore store, ResumePointFinder resumePoints, BatchCommitter committer,
            LongSupplier clock) {
        this.settings = settings;
        this.store = store;
        this.resumePoints = resumePoints;
        this.committer = committer;
        this.clock = clock;
    }

    /**
     * Takes on a partition and returns where its data stops being durable in the lake, for the
     * consumer to seek to; empty if the lake holds nothing of it.
     *
     * @throws IllegalArgumentException if the topic is not named {@code <zone>.<stage>.<dataset>}
     */
    public OptionalLong open(TopicPartition tp) {
        TopicName topic = TopicName.parse(tp.topic());
        OptionalLong resume = resumePoints.resumeOffset(topic, tp.partition());
        writers.put(tp, new TopicPartitionWriter(topic, tp.partition(), resume, settings, store, committer, clock));
        return resume;
    }

    public void write(IncomingRecord record) throws IOException {
        writer(record.topic(), record.partition()).write(record);
        if (++writesSinceMemoryCheck >= MEMORY_CHECK_EVERY) {
            writesSinceMemoryCheck = 0;
            enforceMemoryBudget();
        }
    }

    /** A record that was reported as bad (dead-letter queue); its offset counts as processed. */
    public void skip(String topic, int partition, long offset) {
        writer(topic, partition).skip(offset);
    }

    /** Wall-clock rotation and the memory budget, also when no records come. */
    public void tick() {
        writers.values().forEach(TopicPartitionWriter::tick);
        enforceMemoryBudget();
    }

    private void enforceMemoryBudget() {
        long used = writers.values().stream().mapToLong(TopicPartitionWriter::memoryBytes).sum();
        while (used > settings.memoryBudgetBytes()) {
            TopicPartitionWriter largest = writers.values().stream()
                    .max(Comparator.comparingLong(TopicPartitionWriter::memoryBytes)).orElseThrow();
            long held = largest.memoryBytes();
            if (held == 0) {
                return;
            }
            LOG.info("{}/{}: open files hold {} bytes of the {} bytes all partitions use (budget {}); committing early",
                    largest.topic(), largest.partition(), held, used, settings.memoryBudgetBytes());
            largest.commit("memory budget " + settings.memoryBudgetBytes() + " bytes exceeded");
            used -= held;
        }
    }

    /** For every partition with a known safe point: the next offset to consume after it. */
    public Map<TopicPartition, Long> committableOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        writers.forEach((tp, w) -> w.committableOffset().ifPresent(o -> offsets.put(tp, o)));
        return offsets;
    }

    /** Gives partitions up: open batches are discarded, not published (they are not committed to Kafka either). */
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            TopicPartitionWriter w = writers.remove(tp);
            if (w != null) {
                w.abort();
            }
        }
    }

    @Override
    public void close() {
        close(new ArrayList<>(writers.keySet()));
    }

    private TopicPartitionWriter writer(String topic, int partition) {
        TopicPartitionWriter w = writers.get(new TopicPartition(topic, partition));
        if (w == null) {
            throw new IllegalStateException("partition " + topic + "/" + partition + " was not opened");
        }
        return w;
    }
}
