package io.tributary.cli.harness;

import java.time.Duration;

/**
 * A chaos run: how many claims at what rate, how many SIGKILLs of the Connect worker and the
 * validators (the stream processors), whether the broker is restarted once, and how long the
 * platform may take afterwards to deliver everything.
 */
public record ChaosSettings(int records, int recordsPerSecond, int kills, boolean restartBroker, long seed, Duration settleTimeout) {

    public ChaosSettings {
        if (records < 1 || recordsPerSecond < 1 || kills < 0) {
            throw new IllegalArgumentException("records and records per second must be at least 1 and kills at least 0 (got "
                    + records + ", " + recordsPerSecond + ", " + kills + ")");
        }
    }

    /** What the CI smoke test runs: a few seconds of load, a couple of kills, one broker restart. */
    public static ChaosSettings smoke(long seed) {
        return new ChaosSettings(20_000, 4_000, 2, true, seed, Duration.ofSeconds(150));
    }

    /** What `tributary chaos` runs by default. */
    public static ChaosSettings full(long seed) {
        return new ChaosSettings(1_000_000, 10_000, 12, true, seed, Duration.ofMinutes(15));
    }
}
