package io.tributary.connect.s3.writer;

import java.io.IOException;

import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.parquet.ParquetFileWriter;
import io.tributary.connect.s3.rotation.FileStats;

/** A file of the open batch: its writer, the offsets it holds and the stats rotation looks at. */
public final class OpenFile {
    private final ParquetFileWriter writer;
    private final long firstOffset;
    private long lastOffset;
    private FileStats stats;

    OpenFile(ParquetFileWriter writer, long firstOffset, FileStats stats) {
        this.writer = writer;
        this.firstOffset = firstOffset;
        this.lastOffset = firstOffset;
        this.stats = stats;
    }

    void append(long offset, long eventTime, GenericRecord value) throws IOException {
        writer.write(value);
        lastOffset = offset;
        stats = stats.plus(eventTime);
    }

    public ParquetFileWriter writer() {
        return writer;
    }

    public String key() {
        return writer.key();
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

    public long memoryBytes() {
        return writer.memoryBytes();
    }
}
