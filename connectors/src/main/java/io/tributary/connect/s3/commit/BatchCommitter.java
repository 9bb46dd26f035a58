package io.tributary.connect.s3.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.writer.OpenBatch;
import io.tributary.connect.s3.writer.OpenFile;
import io.tributary.model.TopicName;

/**
 * Makes a batch durable: writes every file's footer with its lineage, then completes the
 * uploads one after the other. Only after the last completion is the batch's end a resume
 * point; an interruption in between leaves an incomplete batch that
 * {@link LakeResumePointFinder} removes.
 */
public final class BatchCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);
    private final String bucket;

    public BatchCommitter(String bucket) {
        this.bucket = bucket;
    }

    /** Commits the batch and returns its end offset: the partition's new durable point. */
    public long commit(TopicName topic, int partition, OpenBatch batch, String reason) {
        List<OpenFile> files = new ArrayList<>(batch.files());
        List<ObjectUpload> pending = new ArrayList<>(files.stream().map(f -> f.writer().upload()).toList());
        try {
            for (OpenFile file : files) {
                FileLineage lineage = new FileLineage(topic.toString(), partition, file.firstOffset(), file.lastOffset(),
                        file.stats().records(), batch.start(), batch.end(), files.size());
                file.writer().finish(lineage.toMap());
            }
            for (OpenFile file : files) {
                long size = file.writer().upload().complete();
                pending.remove(file.writer().upload());
                LOG.info("{}/{}: landed offsets {}..{} ({} records, {} bytes) as s3://{}/{}", topic, partition, file.firstOffset(),
                        file.lastOffset(), file.stats().records(), size, bucket, file.key());
            }
        } catch (IOException | RuntimeException e) {
            pending.forEach(ObjectUpload::abort);
            throw new CommitException(topic + "/" + partition + ": committing batch [" + batch.start() + ", " + batch.end()
                    + ") of " + files.size() + " file(s) failed: " + e.getMessage(), e);
        }
        LOG.info("{}/{}: batch [{}, {}) committed in {} file(s) ({}); offsets below {} are durable", topic, partition,
                batch.start(), batch.end(), files.size(), reason, batch.end());
        return batch.end();
    }

    /** A batch could not be made durable; part of it may be in the lake until the next resume cleans it. */
    public static final class CommitException extends RuntimeException {
        public CommitException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
