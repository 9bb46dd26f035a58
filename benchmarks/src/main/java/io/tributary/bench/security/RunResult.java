package io.tributary.bench.security;

import java.time.Duration;

/**
 * One run's figures: the validator's time from its first to its last committed record over
 * {@code records} claims of {@code valueBytes} bytes of JSON, the producer's time to send them, and
 * the load average around the validator's run.
 */
record RunResult(SecurityMode mode, int records, long valueBytes, Duration producing, Duration validating, int acls,
        String loadBefore, String loadAfter) {

    double recordsPerSecond() {
        return records / seconds(validating);
    }

    /** Megabytes (10^6 bytes) of landing JSON validated per second. */
    double megabytesPerSecond() {
        return valueBytes / 1e6 / seconds(validating);
    }

    double producedPerSecond() {
        return records / seconds(producing);
    }

    private static double seconds(Duration d) {
        // A run too short for the clock would divide by zero; a nanosecond bounds it.
        return Math.max(d.toNanos(), 1) / 1e9;
    }
}
