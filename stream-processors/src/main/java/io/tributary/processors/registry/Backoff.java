package io.tributary.processors.registry;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubling up to {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    public static Backoff upTo(Duration max) {
        Duration initial = Duration.ofMillis(Math.min(500, max.toMillis()));
        return new Backoff(initial.isZero() ? Duration.ofMillis(1) : initial, max);
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
