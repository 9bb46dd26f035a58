package io.tributary.connect.s3.rotation;

import java.util.Optional;

/** {@code flush.size}: a file is complete when it holds this many records. Deterministic. */
public final class RecordCountRotation implements RotationPolicy {
    private final long maxRecords;

    public RecordCountRotation(long maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("flush size must be at least 1, not " + maxRecords);
        }
        this.maxRecords = maxRecords;
    }

    @Override
    public Optional<String> afterAppend(FileStats file) {
        return file.records() >= maxRecords ? Optional.of("flush.size " + maxRecords + " reached") : Optional.empty();
    }
}
