package io.tributary.connect.s3.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.CheckpointStore;
import io.tributary.connect.s3.commit.FileCommitter;
import io.tributary.connect.s3.commit.ResumePointFinder;
import io.tributary.connect.s3.commit.ResumeState;
import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.spool.MemoryMeter;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.model.TopicName;

/**
 * The sink's core, free of Connect: one {@link PartitionWriter} per assigned partition, the
 * memory budget over all their buffers, and the offsets that are safe to commit. Records wait
 * in compact buffers (spilled to local disk over the budget) and become Parquet only when
 * their file is committed, so thousands of open folders cost little heap.
 */
public final class LakeWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeWriter.class);

    private final WriterSettings settings;
    private final ResumePointFinder resumePoints;
    private final PartitionWriter.Services services;
    private static final AtomicInteger WRITERS = new AtomicInteger();
    private final Map<TopicPartition, PartitionWriter> writers = new HashMap<>();
    private final ExecutorService checkpointWriter;
    /** Consecutive records mostly come from the same partition. */
    private PartitionWriter lastWriter;
    private long spilledBytesTotal;
    private long spills;

    public LakeWriter(WriterSettings settings, ResumePointFinder resumePoints, FileCommitter committer, CheckpointStore checkpoints,
            ObjectKeys keys, SpoolDirectory spools, CommitListener listener, LongSupplier clock) {
        this.settings = settings;
        this.resumePoints = resumePoints;
        this.checkpointWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tributary-checkpoint-" + WRITERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.services = new PartitionWriter.Services(committer, checkpoints, keys, spools, new MemoryMeter(), listener, clock,
                checkpointWriter);
    }

    /**
     * Takes on a partition and returns where its data stops being durable in the lake, for the
     * consumer to seek to; empty if the lake holds nothing of it.
     *
     * @throws IllegalArgumentException if the topic is not named {@code <zone>.<stage>.<dataset>}
     */
    public OptionalLong open(TopicPartition tp) {
        TopicName topic = TopicName.parse(tp.topic());
        ResumeState resume = resumePoints.resume(topic, tp.partition());
        lastWriter = null;
        PartitionWriter previous = writers.put(tp, new PartitionWriter(topic, tp.partition(), resume, settings, services));
        if (previous != null) {
            previous.discard();
        }
        return resume.resumeOffset();
    }

    /**
     * Routes a record to its folder's open file.
     *
     * @throws io.tributary.connect.s3.errors.BadRecordException before anything changes, if the record cannot be landed
     */
    public void write(LakeRecord record) {
        PartitionWriter writer = writer(record.topic(), record.partition());
        if (writer.alreadyProcessed(record.offset())) {
            return;
        }
        DecodedValue value = record.value();
        long eventTime = settings.eventTime().eventTimeMillis(value.routing(), record.timestamp());
        String path = settings.partitioner().partitionPath(eventTime, value.routing());
        writer.write(record, path, eventTime);
        if (services.memory().used() > settings.bufferBudgetBytes()) {
            relieveMemory();
        }
    }

    /** A record that was reported as bad (dead-letter queue); its offset counts as processed. */
    public void skip(String topic, int partition, long offset) {
        writer(topic, partition).skip(offset);
    }

    /** Wall-clock rotation, also when no records come. */
    public void tick() {
        long now = services.clock().getAsLong();
        writers.values().forEach(w -> w.tick(now));
    }

    /** Records in checkpoints how far partitions moved without a commit, so a restart does not redo that work. */
    public void checkpointProgress() {
        writers.values().forEach(PartitionWriter::checkpointProgress);
    }

    /**
     * Waits until the files being committed are visible and recorded, and the checkpoint writes in
     * flight have landed; throws the first failure (such as a writer fenced by another).
     */
    public void awaitCommits() {
        writers.values().forEach(PartitionWriter::finishRound);
        writers.values().forEach(PartitionWriter::awaitCheckpoint);
    }

    /**
     * Over budget, the largest buffers are spilled to local disk (or, with
     * {@link MemoryOverflow#COMMIT}, their files committed early) until the task is back at three
     * quarters of its budget, so that the next relief is not needed at once.
     */
    private void relieveMemory() {
        long target = settings.bufferBudgetBytes() / 4 * 3;
        List<OpenFile> largest = new ArrayList<>();
        Map<OpenFile, PartitionWriter> owners = new IdentityHashMap<>();
        for (PartitionWriter w : writers.values()) {
            for (OpenFile f : w.openFiles()) {
                largest.add(f);
                owners.put(f, w);
            }
        }
        largest.sort(Comparator.comparingLong((OpenFile f) -> f.spool().memoryBytes()).reversed());
        long before = services.memory().used();
        if (settings.overflow() == MemoryOverflow.SPILL) {
            int spilled = 0;
            for (OpenFile f : largest) {
                if (services.memory().used() <= target) {
                    break;
                }
                long held = f.spool().memoryBytes();
                try {
                    f.spool().spill();
                } catch (IOException e) {
                    throw new UncheckedIOException("Spilling the buffer of " + f.key() + " to " + services.spools().path() + " failed: "
                            + e.getMessage() + " (memory.overflow=commit needs no local disk)", e);
                }
                spilledBytesTotal += held;
                spilled++;
            }
            spills++;
            LOG.info("Record buffers held {} bytes, over the budget of {}: spilled the {} largest of {} open file(s) to {}; {} bytes"
                    + " in memory now, {} on disk", before, settings.bufferBudgetBytes(), spilled, largest.size(),
                    services.spools().path(), services.memory().used(), services.spools().spilledBytes());
        } else {
            Map<PartitionWriter, List<OpenFile>> toCommit = new IdentityHashMap<>();
            long remaining = before;
            for (OpenFile f : largest) {
                if (remaining <= target) {
                    break;
                }
                remaining -= f.spool().memoryBytes();
                toCommit.computeIfAbsent(owners.get(f), w -> new ArrayList<>()).add(f);
            }
            String reason = "memory budget " + settings.bufferBudgetBytes() + " bytes exceeded (" + before + " bytes buffered)";
            toCommit.forEach((w, files) -> w.commit(files, reason));
        }
    }

    /** For every partition with a known safe point: the next offset to consume after it. */
    public Map<TopicPartition, Long> committableOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        writers.forEach((tp, w) -> w.committableOffset().ifPresent(o -> offsets.put(tp, o)));
        return offsets;
    }

    /** Gives partitions up: open files are discarded, not published (they are not committed to Kafka either). */
    public void close(Collection<TopicPartition> partitions) {
        lastWriter = null;
        for (TopicPartition tp : partitions) {
            PartitionWriter w = writers.remove(tp);
            if (w != null) {
                w.discard();
            }
        }
    }

    @Override
    public void close() {
        close(new ArrayList<>(writers.keySet()));
        checkpointWriter.shutdown();
    }

    public int openFiles() {
        int n = 0;
        for (PartitionWriter w : writers.values()) {
            n += w.openFiles().size();
        }
        return n;
    }

    /** Bytes of record buffers in memory. */
    public long bufferedBytes() {
        return services.memory().used();
    }

    /** Bytes of record buffers on local disk. */
    public long spilledBytes() {
        return services.spools().spilledBytes();
    }

    /** How often buffers were spilled, and how many bytes in all. */
    public long spillCount() {
        return spills;
    }

    public long spilledBytesTotal() {
        return spilledBytesTotal;
    }

    private PartitionWriter writer(String topic, int partition) {
        PartitionWriter last = lastWriter;
        if (last != null && last.partition() == partition && last.topicId().equals(topic)) {
            return last;
        }
        PartitionWriter w = writers.get(new TopicPartition(topic, partition));
        if (w == null) {
            throw new IllegalStateException("partition " + topic + "/" + partition + " was not opened");
        }
        lastWriter = w;
        return w;
    }
}
