package io.tributary.connect.s3.rotation;

import java.util.Optional;

/**
 * {@code rotate.schedule.interval.ms}: a file is closed when it has been open this long by the
 * wall clock, so that quiet partitions still land. Not deterministic: a re-run may cut elsewhere,
 * which is safe because the resume point is read from S3, not derived from file names.
 */
public final class WallClockRotation implements RotationPolicy {
    private final long maxOpenMillis;

    public WallClockRotation(long maxOpenMillis) {
        if (maxOpenMillis < 1) {
            throw new IllegalArgumentException("schedule interval must be positive, not " + maxOpenMillis);
        }
        this.maxOpenMillis = maxOpenMillis;
    }

    @Override
    public Optional<String> onClock(FileStats file, long nowMillis) {
        long open = nowMillis - file.openedAtMillis();
        return file.records() > 0 && open >= maxOpenMillis
                ? Optional.of("open " + open + " ms, rotate.schedule.interval.ms " + maxOpenMillis)
                : Optional.empty();
    }
}
