package io.tributary.connect.s3.writer;

import io.tributary.connect.s3.rotation.FileStats;
import io.tributary.connect.s3.schema.FileSchemas;
import io.tributary.connect.s3.spool.RecordSpool;

/**
 * A file of one Kafka partition in one folder, still being filled: its key (fixed by its first
 * record), the schemas of its records, their buffer and the stats rotation looks at.
 */
public final class OpenFile {
    private final String path;
    private final String key;
    private final long firstOffset;
    private final FileSchemas schemas;
    private final RecordSpool spool;
    private long lastOffset;
    private FileStats stats;

    OpenFile(String path, String key, long firstOffset, FileSchemas schemas, RecordSpool spool, FileStats stats) {
        this.path = path;
        this.key = key;
        this.firstOffset = firstOffset;
        this.schemas = schemas;
        this.spool = spool;
        this.stats = stats;
        this.lastOffset = firstOffset;
    }

    void append(LakeRecord record, int schemaIndex, long eventTime) {
        spool.append(record.offset(), record.timestamp(), schemaIndex, record.value().bytes(), record.value().offset(),
                record.value().length());
        lastOffset = record.offset();
        stats = stats.plus(eventTime, record.value().length());
    }

    public String path() {
        return path;
    }

    public String key() {
        return key;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public long lastOffset() {
        return lastOffset;
    }

    public FileStats stats() {
        return stats;
    }

    public FileSchemas schemas() {
        return schemas;
    }

    public RecordSpool spool() {
        return spool;
    }
}
