package io.tributary.connect.s3.writer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files one Kafka partition has open, one per partition path, covering the contiguous
 * offsets {@code [start, lastOffset]}. They are committed together.
 */
public final class OpenBatch {
    private final long start;
    private long lastOffset;
    private final Map<String, OpenFile> files = new LinkedHashMap<>();

    OpenBatch(long start) {
        this.start = start;
        this.lastOffset = start - 1;
    }

    public long start() {
        return start;
    }

    /** The offset after the last record the batch has seen (written or reported bad). */
    public long end() {
        return lastOffset + 1;
    }

    void advanceTo(long offset) {
        lastOffset = Math.max(lastOffset, offset);
    }

    OpenFile file(String partitionPath) {
        return files.get(partitionPath);
    }

    void add(String partitionPath, OpenFile file) {
        files.put(partitionPath, file);
    }

    public Collection<OpenFile> files() {
        return files.values();
    }

    public long memoryBytes() {
        long sum = 0;
        for (OpenFile f : files.values()) {
            sum += f.memoryBytes();
        }
        return sum;
    }
}
