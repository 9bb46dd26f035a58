package io.tributary.connect.s3.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.format.FormatWriter;
import io.tributary.connect.s3.spool.RecordSpool;
import io.tributary.connect.s3.spool.SpooledRecord;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.model.TopicName;

/**
 * Makes files durable: writes each file's buffered records in the file format, streamed to S3
 * as multipart parts, with its lineage in the file's metadata, and completes the upload. Until
 * that completion an object is invisible; on any failure the uploads not completed are aborted.
 * Files are encoded one at a time (one row group in memory); their uploads complete in the
 * background ({@link UploadPipeline}) while the task goes on, and {@link Round#await()} says
 * when they are all visible.
 */
public final class FileCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(FileCommitter.class);

    private final ObjectStore store;
    private final FileFormat format;
    private final String bucket;
    private final UploadPipeline uploads;

    /** One file to commit: its key, contents and buffered records. */
    public record FileToCommit(String key, FileContents contents, RecordSpool records, FileLineage lineage) {
    }

    public FileCommitter(ObjectStore store, FileFormat format, String bucket, UploadPipeline uploads) {
        this.store = store;
        this.format = format;
        this.bucket = bucket;
        this.uploads = uploads;
    }

    public FileFormat format() {
        return format;
    }

    /**
     * Encodes every file and starts completing their uploads; the buffered records are no longer
     * needed when it returns.
     *
     * @throws CommitException if a file could not be encoded (nothing of the round is then in flight)
     */
    public Round start(TopicName topic, List<FileToCommit> files, String reason) {
        List<ObjectUpload> started = new ArrayList<>();
        List<Future<Long>> completions = new ArrayList<>();
        FileToCommit current = null;
        try {
            for (FileToCommit file : files) {
                current = file;
                ObjectUpload upload = store.newUpload(file.key(), format.contentType());
                started.add(upload);
                FormatWriter writer = format.open(upload, file.contents());
                SpooledRecord record = new SpooledRecord();
                try (RecordSpool.Reader records = file.records().reader()) {
                    while (records.next(record)) {
                        writer.write(record);
                    }
                }
                writer.finish();
                completions.add(uploads.submit(upload.bufferedBytes(), upload::complete));
            }
        } catch (IOException | RuntimeException e) {
            Round failed = new Round(topic, files, reason, started, completions);
            failed.abandon();
            throw new CommitException(topic + ": committing s3://" + bucket + "/" + current.key() + " (offsets "
                    + current.lineage().firstOffset() + ".." + current.lineage().lastOffset() + ") failed: " + e.getMessage(), e);
        }
        return new Round(topic, files, reason, started, completions);
    }

    /** Files whose uploads are completing. */
    public final class Round {
        private final TopicName topic;
        private final List<FileToCommit> files;
        private final String reason;
        private final List<ObjectUpload> started;
        private final List<Future<Long>> completions;

        private Round(TopicName topic, List<FileToCommit> files, String reason, List<ObjectUpload> started,
                List<Future<Long>> completions) {
            this.topic = topic;
            this.files = files;
            this.reason = reason;
            this.started = started;
            this.completions = completions;
        }

        public boolean isDone() {
            return completions.stream().allMatch(Future::isDone);
        }

        /**
         * Waits until every file of the round is visible and returns their sizes, in order.
         *
         * @throws CommitException if any could not be made durable (others of the round may be)
         */
        public List<Long> await() {
            List<Long> sizes;
            try {
                sizes = UploadPipeline.awaitAll(completions);
            } catch (RuntimeException e) {
                started.forEach(ObjectUpload::abort);
                throw new CommitException(topic + ": completing " + files.size() + " file(s) starting with s3://" + bucket + "/"
                        + files.get(0).key() + " failed: " + e.getMessage(), e);
            }
            for (int i = 0; i < files.size(); i++) {
                FileLineage lineage = files.get(i).lineage();
                LOG.info("{}/{}: landed offsets {}..{} ({} records, {} bytes) as s3://{}/{} ({})", topic, lineage.partition(),
                        lineage.firstOffset(), lineage.lastOffset(), lineage.records(), sizes.get(i), bucket, files.get(i).key(), reason);
            }
            return sizes;
        }

        /** Lets the uploads in flight finish, then aborts whatever is not complete. */
        void abandon() {
            try {
                UploadPipeline.awaitAll(completions);
            } catch (RuntimeException ignored) {
                // reported by the caller
            }
            started.forEach(ObjectUpload::abort);
        }
    }
}
