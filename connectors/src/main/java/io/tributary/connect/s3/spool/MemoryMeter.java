package io.tributary.connect.s3.spool;

/** Bytes of record buffers a task holds in memory, summed over all its open files. */
public final class MemoryMeter {
    private volatile long used;

    void add(long delta) {
        used += delta;
    }

    public long used() {
        return used;
    }
}
