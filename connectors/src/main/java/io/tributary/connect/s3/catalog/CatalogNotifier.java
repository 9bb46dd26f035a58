package io.tributary.connect.s3.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.SchemaNormalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.writer.CommitListener;

/**
 * Tells the {@link Catalog} about each folder the task commits into for the first time, and again
 * for the first file of each other schema in it (a table evolves with its first file of a newer
 * schema, not with the next day's folder). A
 * catalog that fails does not stop the landing of data: the announcement is retried on the
 * next tick (and a restarted task announces again).
 */
public final class CatalogNotifier implements CommitListener {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogNotifier.class);
    private static final int REMEMBERED = 100_000;

    private final Catalog catalog;
    private final ObjectKeys keys;
    private final String bucket;
    private final String format;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Map<String, LakePartition> pending = new LinkedHashMap<>();
    private long failures;

    public CatalogNotifier(Catalog catalog, ObjectKeys keys, String bucket, String format) {
        this.catalog = catalog;
        this.keys = keys;
        this.bucket = bucket;
        this.format = format;
    }

    @Override
    public void committed(CommittedFile file) {
        String location = "s3://" + bucket + "/" + keys.datasetPrefix(file.topic());
        // A folder is announced again when a file of a newer schema lands in it, so that the table evolves at once.
        String id = location + file.partitionPath() + "#" + Long.toHexString(SchemaNormalization.parsingFingerprint64(file.tableSchema()));
        if (announced.contains(id) || pending.containsKey(id)) {
            return;
        }
        pending.put(id, new LakePartition(file.topic(), location, file.partitionPath(), format, file.tableSchema(), file.key()));
        retryPending();
    }

    /** Announces what could not be announced before. */
    public void retryPending() {
        var it = pending.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            try {
                catalog.partitionCommitted(e.getValue());
            } catch (RuntimeException ex) {
                failures++;
                LOG.warn("Catalog {} could not add partition {} of {}: {}; retrying later", catalog.getClass().getName(),
                        e.getValue().partitionPath(), e.getValue().topic(), ex.getMessage());
                return;
            }
            if (announced.size() >= REMEMBERED) {
                announced.clear();
            }
            announced.add(e.getKey());
            it.remove();
            LOG.debug("Catalog told about {}", e.getKey());
        }
    }

    public long failures() {
        return failures;
    }

    public int pendingCount() {
        return pending.size();
    }
}
