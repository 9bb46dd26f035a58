package io.tributary.connect.s3.rotation;

import java.util.Optional;

/**
 * {@code rotate.size.bytes}: a file is complete once its records add up to this many bytes (as
 * Avro binary, before Parquet encodes and compresses them). Depends on the data only, so it is
 * deterministic.
 */
public final class RecordBytesRotation implements RotationPolicy {
    private final long maxBytes;

    public RecordBytesRotation(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("size limit must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<String> afterAppend(FileStats file) {
        return file.bytes() >= maxBytes
                ? Optional.of("rotate.size.bytes " + maxBytes + " reached (" + file.bytes() + " bytes)")
                : Optional.empty();
    }
}
