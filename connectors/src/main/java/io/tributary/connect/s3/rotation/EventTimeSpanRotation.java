package io.tributary.connect.s3.rotation;

import java.util.Optional;

/**
 * {@code rotate.interval.ms}: a file spans at most this much event time. The record that would
 * widen it further starts a new file. Depends on the data only, so it is deterministic.
 */
public final class EventTimeSpanRotation implements RotationPolicy {
    private final long maxSpanMillis;

    public EventTimeSpanRotation(long maxSpanMillis) {
        if (maxSpanMillis < 1) {
            throw new IllegalArgumentException("rotation interval must be positive, not " + maxSpanMillis);
        }
        this.maxSpanMillis = maxSpanMillis;
    }

    @Override
    public Optional<String> beforeAppend(FileStats file, long eventTime) {
        if (file.records() == 0) {
            return Optional.empty();
        }
        long span = Math.max(file.maxEventTime(), eventTime) - Math.min(file.minEventTime(), eventTime);
        return span >= maxSpanMillis
                ? Optional.of("event time span " + span + " ms reaches rotate.interval.ms " + maxSpanMillis)
                : Optional.empty();
    }
}
