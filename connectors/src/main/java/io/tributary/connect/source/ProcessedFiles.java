package io.tributary.connect.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.source.IngressSourceConfig.ProcessedAction;
import io.tributary.connect.source.store.IngressStore;

/**
 * Moves or tags files once Kafka has their batch: only after the record that marks a file done is
 * committed (with exactly-once, after its transaction), so a file never leaves the watched
 * prefix before its rows are durable. A move that fails is tried again when a later listing finds
 * the file (its offsets say done).
 */
final class ProcessedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessedFiles.class);

    /** A file whose fate is sealed. */
    record Done(String key, String outcome, String batchId) {
    }

    private final IngressStore store;
    private final String bucket;
    private final ProcessedAction action;
    private final String processedPrefix;
    private final String rejectedPrefix;
    private final Queue<Done> committed = new ConcurrentLinkedQueue<>();

    ProcessedFiles(IngressStore store, String bucket, ProcessedAction action, String processedPrefix, String rejectedPrefix) {
        this.store = store;
        this.bucket = bucket;
        this.action = action;
        this.processedPrefix = processedPrefix;
        this.rejectedPrefix = rejectedPrefix;
    }

    /** Called from Connect's commit path (any thread). */
    void committed(Done done) {
        committed.add(done);
    }

    /** Applies the action to every file committed since the last call (on the task's thread). */
    void apply() {
        Done done;
        while ((done = committed.poll()) != null) {
            apply(done);
        }
    }

    void apply(Done done) {
        try {
            switch (action) {
                case MOVE -> {
                    String target = (FileOffsets.REJECTED.equals(done.outcome()) ? rejectedPrefix : processedPrefix) + done.key();
                    store.move(done.key(), target);
                    LOG.info("Moved s3://{}/{} to {} ({})", bucket, done.key(), target, done.outcome().toLowerCase(java.util.Locale.ROOT));
                }
                case TAG -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    tags.put("tributary-status", done.outcome().toLowerCase(java.util.Locale.ROOT));
                    tags.put("tributary-batch-id", tagValue(done.batchId()));
                    store.tag(done.key(), tags);
                    LOG.info("Tagged s3://{}/{} {}", bucket, done.key(), tags);
                }
                case NONE -> {
                    // left where it is; its source offset keeps it from being ingested again
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not {} s3://{}/{} after its batch {} was committed ({}); tried again when a listing finds it",
                    action.name().toLowerCase(java.util.Locale.ROOT), bucket, done.key(), done.batchId(), e.getMessage());
        }
    }

    /** S3 tag values hold at most 256 characters of a limited alphabet. */
    private static String tagValue(String value) {
        String safe = value.replaceAll("[^\\p{L}\\p{N} +\\-=._:/@]", "_");
        return safe.length() <= 256 ? safe : safe.substring(safe.length() - 256);
    }
}
