package io.tributary.connect.s3.commit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.naming.ObjectName;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.PendingUpload;
import io.tributary.model.TopicName;

/**
 * Finds where a partition resumes from what is in S3, never from Kafka's offsets alone:
 * <ol>
 * <li>multipart uploads of the partition's files left by a task that died mid-upload are aborted
 * (their parts are invisible but cost storage);</li>
 * <li>the partition's checkpoint says how far it is durable and which folders reach beyond;</li>
 * <li>without a checkpoint (lost, or a crash right after the very first commit), the metadata of
 * the latest file of each folder says the same, and the checkpoint is written from it.</li>
 * </ol>
 * A file committed after the checkpoint was last written (a crash in between) is rewritten under
 * the same key when its records are consumed again, since its first record starts the same file.
 */
public final class LakeResumePointFinder implements ResumePointFinder {
    private static final Logger LOG = LoggerFactory.getLogger(LakeResumePointFinder.class);

    private final ObjectStore store;
    private final ObjectKeys keys;
    private final FileFormat format;
    private final CheckpointStore checkpoints;
    private final String layout;
    private final String writer;

    public LakeResumePointFinder(ObjectStore store, ObjectKeys keys, FileFormat format, CheckpointStore checkpoints, String layout,
            String writer) {
        this.store = store;
        this.keys = keys;
        this.format = format;
        this.checkpoints = checkpoints;
        this.layout = layout;
        this.writer = writer;
    }

    @Override
    public ResumeState resume(TopicName topic, int partition) {
        abortOrphanedUploads(topic, partition);
        Optional<CheckpointStore.Stored> stored = checkpoints.read(topic, partition);
        if (stored.isPresent()) {
            Checkpoint c = stored.get().checkpoint();
            requireSameLayout(topic, partition, c.layout(), c.covered());
            LOG.info("{}/{}: checkpoint says offsets below {} are durable{}; resuming there", topic, partition, c.resumeOffset(),
                    c.covered().isEmpty() ? "" : " (and folders " + c.covered() + " up to the offsets given)");
            return new ResumeState(OptionalLong.of(c.resumeOffset()), c.covered(), stored.get().etag());
        }
        return fromFileMetadata(topic, partition);
    }

    private void abortOrphanedUploads(TopicName topic, int partition) {
        List<PendingUpload> orphans = store.pendingUploads(keys.datasetPrefix(topic)).stream()
                .filter(u -> keys.parse(topic, u.key()).filter(n -> n.partition() == partition && n.topic().equals(topic.toString()))
                        .isPresent())
                .toList();
        for (PendingUpload upload : orphans) {
            store.abort(upload);
            LOG.warn("{}/{}: aborted the multipart upload of {} started {} and never completed (a task stopped mid-upload);"
                    + " its records are written again", topic, partition, upload.key(), upload.initiated());
        }
    }

    private ResumeState fromFileMetadata(TopicName topic, int partition) {
        Map<String, ObjectName> latestPerFolder = new HashMap<>();
        store.list(keys.datasetPrefix(topic)).stream()
                .map(o -> keys.parse(topic, o.key()))
                .flatMap(Optional::stream)
                .filter(n -> n.topic().equals(topic.toString()) && n.partition() == partition)
                .forEach(n -> latestPerFolder.merge(n.partitionPath(), n, (a, b) -> a.startOffset() >= b.startOffset() ? a : b));
        if (latestPerFolder.isEmpty()) {
            LOG.info("{}/{}: the lake holds nothing of this partition under {}", topic, partition, keys.datasetPrefix(topic));
            return ResumeState.EMPTY;
        }
        Map<String, FileLineage> lineages = new HashMap<>();
        long resume = 0;
        for (ObjectName latest : latestPerFolder.values()) {
            FileLineage lineage = FileLineage.fromMap(latest.key(), format.readMetadata(store, latest.key()));
            lineages.put(latest.partitionPath(), lineage);
            resume = Math.max(resume, lineage.resumeOffset());
        }
        Map<String, Long> covered = new HashMap<>();
        for (Map.Entry<String, FileLineage> e : lineages.entrySet()) {
            if (e.getValue().coveredUntil() > resume) {
                covered.put(e.getKey(), e.getValue().coveredUntil());
            }
        }
        String fileLayout = lineages.values().iterator().next().layout();
        requireSameLayout(topic, partition, fileLayout, covered);
        Checkpoint checkpoint = new Checkpoint(Checkpoint.VERSION, topic.toString(), partition, layout, resume, covered,
                Instant.now().toString(), writer);
        String etag = checkpoints.save(checkpoint, null);
        LOG.info("{}/{}: no checkpoint; the latest files of {} folder(s) say offsets below {} are durable{}; checkpoint written,"
                + " resuming there", topic, partition, latestPerFolder.size(), resume, covered.isEmpty() ? "" : " (and " + covered + ")");
        return new ResumeState(OptionalLong.of(resume), covered, etag);
    }

    private void requireSameLayout(TopicName topic, int partition, String previous, Map<String, Long> covered) {
        if (!previous.equals(layout) && !covered.isEmpty()) {
            throw new IllegalStateException(topic + "/" + partition + ": the lake was written with layout '" + previous
                    + "' and this connector now uses '" + layout + "'; records of folders " + covered.keySet() + " beyond the resume"
                    + " point would be placed differently and could be written twice. Go back to the previous partitioning settings"
                    + " until those folders' files are committed, or land the new layout under another prefix");
        }
        if (!previous.equals(layout)) {
            LOG.info("{}/{}: layout changes from '{}' to '{}'; nothing beyond the resume point depends on the old one", topic,
                    partition, previous, layout);
        }
    }
}
