package io.tributary.connect.s3.writer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.Checkpoint;
import io.tributary.connect.s3.commit.CheckpointStore;
import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.connect.s3.commit.FileCommitter;
import io.tributary.connect.s3.commit.FileLineage;
import io.tributary.connect.s3.commit.ResumeState;
import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.rotation.FileStats;
import io.tributary.connect.s3.schema.FileSchemas;
import io.tributary.connect.s3.schema.SchemaDecision;
import io.tributary.connect.s3.spool.MemoryMeter;
import io.tributary.connect.s3.spool.RecordSpool;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.model.TopicName;

/**
 * Writes one Kafka partition: one open file per folder its records fall in, each rotated on its
 * own (so late records in an old folder never force the current folder's file to rotate), and
 * the offsets that are safe to commit: the first offset of the oldest open file, or the next
 * offset when none is open. After each commit it rewrites the partition's checkpoint.
 */
final class PartitionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionWriter.class);

    private final TopicName topic;
    /** The topic's name, built once: it is compared for every record. */
    private final String topicId;
    private final int partition;
    private final WriterSettings settings;
    private final Services services;
    private final OptionalLong resumeOffset;
    /** Folders whose records below the given offset are already in the lake (beyond the resume offset). */
    private final Map<String, Long> covered;
    private final Map<String, OpenFile> open = new HashMap<>();
    private String checkpointEtag;
    /** The round of files whose uploads are completing, if any. */
    private InFlight inFlight;
    /** The checkpoint write in flight, if any: it completes while the next file fills. */
    private CompletableFuture<String> pendingCheckpoint;
    /** Why this writer must not commit any more (its checkpoint write failed, e.g. fenced by another writer). */
    private RuntimeException failure;
    private long savedResumeOffset;
    /** Next offset to process; everything before it is durable, open, or reported. -1 until the first record. */
    private long next = -1;

    /** What every partition writer of a task shares. */
    record Services(FileCommitter committer, CheckpointStore checkpoints, ObjectKeys keys, SpoolDirectory spools, MemoryMeter memory,
            CommitListener listener, java.util.function.LongSupplier clock, Executor checkpointWriter) {
    }

    PartitionWriter(TopicName topic, int partition, ResumeState resume, WriterSettings settings, Services services) {
        this.topic = topic;
        this.topicId = topic.toString();
        this.partition = partition;
        this.settings = settings;
        this.services = services;
        this.resumeOffset = resume.resumeOffset();
        this.covered = new HashMap<>(resume.covered());
        this.checkpointEtag = resume.etag();
        this.savedResumeOffset = resume.resumeOffset().orElse(-1);
    }

    /** A redelivered record, or one below the resume point: already handled. */
    boolean alreadyProcessed(long offset) {
        return offset < next || (resumeOffset.isPresent() && offset < resumeOffset.getAsLong());
    }

    /**
     * Buffers a record in the file of its folder, rotating files as the policy and the schema
     * rules say. A record the lake already holds is skipped.
     *
     * @throws BadRecordException before anything changes, if the record's schema cannot go into its folder
     */
    void write(LakeRecord record, String path, long eventTime) {
        if (failure != null) {
            throw failure;
        }
        long offset = record.offset();
        Long coveredUntil = covered.get(path);
        if (coveredUntil != null && offset < coveredUntil) {
            next = offset + 1;
            return;
        }
        Schema schema = record.value().schema();
        OpenFile file = open.get(path);
        SchemaDecision decision = file == null ? null : settings.evolution().decide(file.schemas(), schema, record.value().schemaVersion());
        if (decision instanceof SchemaDecision.Reject reject) {
            throw new BadRecordException(RejectReason.INCOMPATIBLE_SCHEMA, "", reject.reason() + " (folder " + path + ")");
        }
        if (!(decision instanceof SchemaDecision.Append)) {
            Optional<String> problem = services.committer().format().unwritable(schema);
            if (problem.isPresent()) {
                throw new BadRecordException(RejectReason.UNWRITABLE, "", problem.get());
            }
        }
        int schemaIndex = 0;
        if (decision instanceof SchemaDecision.Rotate rotate) {
            commit(List.of(file), rotate.reason());
            file = null;
        } else if (file != null) {
            Optional<String> reason = settings.rotation().beforeAppend(file.stats(), eventTime);
            if (reason.isPresent()) {
                commit(List.of(file), reason.get());
                file = null;
            } else {
                schemaIndex = decision instanceof SchemaDecision.Append append ? append.index() : file.schemas().add(schema);
            }
        }
        if (file == null) {
            file = openFile(path, record, eventTime);
        }
        file.append(record, schemaIndex, eventTime);
        next = offset + 1;
        Optional<String> full = settings.rotation().afterAppend(file.stats());
        if (full.isPresent()) {
            commit(List.of(file), full.get());
        }
    }

    private OpenFile openFile(String path, LakeRecord record, long eventTime) {
        String key = services.keys().key(topic, path, partition, record.offset());
        OpenFile file = new OpenFile(path, key, record.offset(), new FileSchemas(record.value().schema(), record.value().schemaVersion()),
                new RecordSpool(services.spools(), services.memory()), FileStats.opened(eventTime, services.clock().getAsLong()));
        open.put(path, file);
        LOG.debug("{}/{}: opened {} at offset {}", topic, partition, key, record.offset());
        return file;
    }

    /** A record reported as bad: it is not written, but the offsets it covers move on with the rest. */
    void skip(long offset) {
        if (!alreadyProcessed(offset)) {
            next = offset + 1;
        }
    }

    /** Records a finished round and commits every open file that is due by the wall clock. */
    void tick(long now) {
        finishRound(false);
        List<OpenFile> due = new ArrayList<>();
        String reason = null;
        for (OpenFile file : open.values()) {
            Optional<String> r = settings.rotation().onClock(file.stats(), now);
            if (r.isPresent()) {
                due.add(file);
                reason = reason == null ? r.get() : reason;
            }
        }
        if (!due.isEmpty()) {
            commit(due, reason);
        }
    }

    /**
     * Commits {@code files} (each in its own folder): encodes them now and lets their uploads
     * complete in the background while records keep coming; the round is recorded (coverage,
     * checkpoint, catalog, metrics) once they are all visible, at the latest before the next round
     * starts. Each file covers its folder up to the partition's next offset; a crash before the
     * checkpoint write leaves at most one unrecorded file per folder, which a re-run rewrites under
     * the same key, since the re-run's file of that folder starts with the same record.
     */
    void commit(Collection<OpenFile> files, String reason) {
        // The previous round must be recorded before this one completes: at most one round is ever unrecorded.
        finishRound();
        awaitCheckpoint();
        List<OpenFile> committing = List.copyOf(files);
        List<FileCommitter.FileToCommit> toCommit = new ArrayList<>();
        long coveredUntil = next;
        Set<OpenFile> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        excluded.addAll(committing);
        long resumeAfter = watermarkWithout(excluded);
        for (OpenFile file : committing) {
            FileLineage lineage = new FileLineage(topicId, partition, file.firstOffset(), file.lastOffset(),
                    file.stats().records(), coveredUntil, resumeAfter, settings.layout());
            FileContents contents = new FileContents(topicId, partition, file.schemas().target(), file.schemas().writers(),
                    lineage.toMap());
            toCommit.add(new FileCommitter.FileToCommit(file.key(), contents, file.spool(), lineage));
        }
        long started = System.nanoTime();
        FileCommitter.Round round = services.committer().start(topic, toCommit, reason);
        for (OpenFile file : committing) {
            open.remove(file.path());
            file.spool().delete();
        }
        inFlight = new InFlight(committing, coveredUntil, round, started);
    }

    /** A round of files whose uploads are completing; their records still count as not durable. */
    private record InFlight(List<OpenFile> files, long coveredUntil, FileCommitter.Round round, long startedNanos) {
    }

    /** Records the round in flight once its files are visible, if it is done (or {@code wait}). */
    private void finishRound(boolean wait) {
        if (failure != null) {
            throw failure;
        }
        InFlight round = inFlight;
        if (round == null || !wait && !round.round().isDone()) {
            return;
        }
        List<Long> sizes;
        try {
            sizes = round.round().await();
        } catch (RuntimeException e) {
            // The round stays in flight for good: its records are never counted as durable.
            failure = e;
            throw e;
        }
        inFlight = null;
        long latencyMillis = (System.nanoTime() - round.startedNanos()) / 1_000_000 / Math.max(1, round.files().size());
        for (int i = 0; i < round.files().size(); i++) {
            OpenFile file = round.files().get(i);
            covered.put(file.path(), round.coveredUntil());
            services.listener().committed(new CommittedFile(topic, partition, file.path(), file.key(),
                    services.committer().format().tableSchema(file.schemas().target()), file.stats().records(), sizes.get(i),
                    latencyMillis));
        }
        saveCheckpoint();
    }

    /** Waits for the round in flight, if any, and records it. */
    void finishRound() {
        finishRound(true);
    }

    /** Writes the checkpoint if the durable point moved without a commit (records skipped or sent to the dead-letter queue). */
    void checkpointProgress() {
        if (next >= 0 && watermark() > savedResumeOffset) {
            saveCheckpoint();
        }
    }

    /**
     * Writes the checkpoint in the background: the files it records are already complete, and a
     * crash before it lands only leaves the last round unrecorded, which a re-run rewrites.
     */
    private void saveCheckpoint() {
        awaitCheckpoint();
        long resume = watermark();
        covered.values().removeIf(until -> until <= resume);
        Checkpoint checkpoint = new Checkpoint(Checkpoint.VERSION, topicId, partition, settings.layout(), resume, covered,
                Instant.ofEpochMilli(services.clock().getAsLong()).toString(), settings.writer());
        String etag = checkpointEtag;
        pendingCheckpoint = CompletableFuture.supplyAsync(() -> services.checkpoints().save(checkpoint, etag),
                services.checkpointWriter());
        savedResumeOffset = resume;
        LOG.debug("{}/{}: checkpoint at {} (covered {})", topic, partition, resume, covered);
    }

    /** Waits for the checkpoint write in flight; its failure (e.g. another writer fenced this one) is thrown here. */
    void awaitCheckpoint() {
        if (failure != null) {
            throw failure;
        }
        if (pendingCheckpoint == null) {
            return;
        }
        try {
            checkpointEtag = pendingCheckpoint.join();
        } catch (CompletionException e) {
            failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            throw failure;
        } finally {
            pendingCheckpoint = null;
        }
    }

    /** Everything below it is durable or reported: the first offset of the oldest open file, else the next offset. */
    long watermark() {
        return watermarkWithout(Set.of());
    }

    /** The watermark once {@code excluded} are durable: files open or still uploading hold it back. */
    private long watermarkWithout(Set<OpenFile> excluded) {
        long min = next >= 0 ? next : resumeOffset.orElse(0);
        for (OpenFile f : open.values()) {
            if (!excluded.contains(f)) {
                min = Math.min(min, f.firstOffset());
            }
        }
        if (inFlight != null) {
            for (OpenFile f : inFlight.files()) {
                if (!excluded.contains(f)) {
                    min = Math.min(min, f.firstOffset());
                }
            }
        }
        return min;
    }

    /** The offset the task may commit to Kafka, or empty before anything is known. */
    OptionalLong committableOffset() {
        if (next < 0) {
            return resumeOffset;
        }
        return OptionalLong.of(watermark());
    }

    Collection<OpenFile> openFiles() {
        return open.values();
    }

    /** Drops the open files without publishing anything; their records are above the committed offset and are consumed again. */
    void discard() {
        try {
            if (failure == null) {
                finishRound();
                awaitCheckpoint();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}/{}: the last checkpoint write failed ({}); the next owner resumes from the one before", topic, partition,
                    e.getMessage());
        }
        if (open.isEmpty()) {
            return;
        }
        long oldest = watermark();
        int files = open.size();
        open.values().forEach(f -> f.spool().delete());
        open.clear();
        LOG.info("{}/{}: discarded {} open file(s) from offset {} on; they were not durable and will be consumed again", topic,
                partition, files, oldest);
    }

    TopicName topic() {
        return topic;
    }

    String topicId() {
        return topicId;
    }

    int partition() {
        return partition;
    }
}
