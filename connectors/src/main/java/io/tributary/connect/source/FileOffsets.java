package io.tributary.connect.source;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.connect.source.store.IngressObject;

/**
 * Connect source offsets of the ingress source: one source partition per version of a file
 * ({@code bucket}, {@code key}, {@code etag}), whose offset says how many of its rows are on
 * Kafka and whether the file is done (its arrival record written) with which outcome.
 */
record FileOffsets(long rows, boolean done, String outcome) {
    static final String INGESTED = "INGESTED";
    static final String REJECTED = "REJECTED";

    static final FileOffsets NONE = new FileOffsets(0, false, "");

    /**
     * The source partition of one version of a file. Its keys are in a fixed order: Connect stores
     * offsets under the partition's serialised bytes, and {@code Map.of} iterates in an order that
     * changes from one JVM to the next, so a restarted worker would not find them.
     */
    static Map<String, Object> partition(String bucket, IngressObject object) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("bucket", bucket);
        partition.put("key", object.key());
        partition.put("etag", object.eTag());
        return partition;
    }

    Map<String, Object> toMap() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("rows", rows);
        offset.put("done", done);
        offset.put("outcome", outcome);
        return offset;
    }

    static FileOffsets fromMap(Map<String, Object> offset) {
        if (offset == null) {
            return NONE;
        }
        Object rows = offset.get("rows");
        Object done = offset.get("done");
        Object outcome = offset.get("outcome");
        return new FileOffsets(rows instanceof Number n ? n.longValue() : 0, Boolean.TRUE.equals(done),
                outcome == null ? "" : outcome.toString());
    }
}
