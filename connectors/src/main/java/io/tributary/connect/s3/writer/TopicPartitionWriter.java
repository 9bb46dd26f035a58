package io.tributary.connect.s3.writer;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.BatchCommitter;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.parquet.ParquetFileWriter;
import io.tributary.connect.s3.rotation.FileStats;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.model.TopicName;

/**
 * Writes one Kafka partition: routes each record to the file of its partition path in the open
 * batch, asks the rotation policy when the batch is complete and has it committed. Keeps the
 * offset up to which everything is durable (or reported bad), which is all the task may commit.
 */
public final class TopicPartitionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TopicPartitionWriter.class);

    private final TopicName topic;
    private final int partition;
    private final WriterSettings settings;
    private final ObjectStore store;
    private final BatchCommitter committer;
    private final LongSupplier clock;
    private OpenBatch batch;
    /** Next offset to process; everything before it is durable or reported. Unknown until the first record. */
    private OptionalLong next;

    TopicPartitionWriter(TopicName topic, int partition, OptionalLong resumeOffset, WriterSettings settings, ObjectStore store,
            BatchCommitter committer, LongSupplier clock) {
        this.topic = topic;
        this.partition = partition;
        this.settings = settings;
        this.store = store;
        this.committer = committer;
        this.clock = clock;
        this.next = resumeOffset;
    }

    /** Writes a decoded record; a record below the resume point is already in the lake and ignored. */
    void write(IncomingRecord record) throws IOException {
        if (alreadyDurable(record.offset())) {
            return;
        }
        long eventTime = settings.eventTime().eventTimeMillis(record.value(), record.timestamp());
        String path = settings.partitioner().partitionPath(eventTime, record.value());
        if (batch != null) {
            OpenFile open = batch.file(path);
            Optional<String> reason = open == null ? Optional.empty()
                    : !open.writer().schema().equals(record.value().getSchema())
                            ? Optional.of("schema of " + path + " changed")
                            : settings.rotation().beforeAppend(open.stats(), eventTime);
            if (reason.isPresent()) {
                commit(reason.get());
            }
        }
        if (batch == null) {
            batch = new OpenBatch(record.offset());
        }
        OpenFile file = batch.file(path);
        if (file == null) {
            file = openFile(path, record, eventTime);
            batch.add(path, file);
        }
        file.append(record.offset(), eventTime, record.value());
        batch.advanceTo(record.offset());
        next = OptionalLong.of(record.offset() + 1);
        Optional<String> full = settings.rotation().afterAppend(file.stats());
        if (full.isPresent()) {
            commit(full.get() + " in " + path);
        }
    }

    /** A record reported as bad: it is skipped, but the offsets it covers move on with the rest. */
    void skip(long offset) {
        if (alreadyDurable(offset)) {
            return;
        }
        if (batch != null) {
            batch.advanceTo(offset);
        }
        next = OptionalLong.of(offset + 1);
    }

    private boolean alreadyDurable(long offset) {
        if (next.isPresent() && offset < next.getAsLong()) {
            LOG.debug("{}/{}: offset {} is below the resume point {}, already in the lake", topic, partition, offset, next.getAsLong());
            return true;
        }
        return false;
    }

    private OpenFile openFile(String path, IncomingRecord record, long eventTime) {
        String key = ObjectKeys.key(topic, path, partition, record.offset());
        ObjectUpload upload = store.newUpload(key);
        ParquetFileWriter writer = new ParquetFileWriter(upload, record.value().getSchema(), settings.parquet());
        LOG.debug("{}/{}: opened {} at offset {}", topic, partition, key, record.offset());
        return new OpenFile(writer, record.offset(), FileStats.opened(eventTime, clock.getAsLong()));
    }

    /** Commits the open batch if any of its files is due by the wall clock. */
    void tick() {
        if (batch == null) {
            return;
        }
        long now = clock.getAsLong();
        for (OpenFile file : batch.files()) {
            Optional<String> reason = settings.rotation().onClock(file.stats(), now);
            if (reason.isPresent()) {
                commit(reason.get() + " for " + file.key());
                return;
            }
        }
    }

    void commit(String reason) {
        if (batch == null) {
            return;
        }
        OpenBatch committing = batch;
        batch = null;
        long end = committer.commit(topic, partition, committing, reason);
        next = OptionalLong.of(Math.max(end, next.orElse(end)));
    }

    /** The offset the task may commit to Kafka: the start of the open batch, or the next offset if none is open. */
    OptionalLong committableOffset() {
        return batch != null ? OptionalLong.of(batch.start()) : next;
    }

    long memoryBytes() {
        return batch == null ? 0 : batch.memoryBytes();
    }

    /** Drops the open batch without publishing anything; its records will be consumed again. */
    void abort() {
        if (batch != null) {
            batch.files().forEach(f -> f.writer().upload().abort());
            LOG.info("{}/{}: discarded the open batch from offset {} ({} file(s)); it was not durable", topic, partition,
                    batch.start(), batch.files().size());
            batch = null;
        }
    }

    TopicName topic() {
        return topic;
    }

    int partition() {
        return partition;
    }
}
