package io.tributary.processors.topology;

import io.tributary.processors.validation.RejectReason;

/**
 * Counts the validator's decisions. Under exactly-once a transaction that is aborted and retried
 * counts its records again: the topics, not the counters, are the exact account.
 */
public interface ValidationMetrics {
    ValidationMetrics NONE = new ValidationMetrics() {
    };

    /** A record written to staging. */
    default void accepted(String dataset) {
    }

    /** A record written to rejected. */
    default void rejected(String dataset, RejectReason reason) {
    }

    /** A record that failed a {@code warn} rule (and went on). */
    default void warned(String dataset, String rule) {
    }

    /** A batch decided: {@code outcome} is PROMOTED or REJECTED. */
    default void batch(String dataset, String outcome) {
    }

    /** From the landing record's timestamp to its verdict being forwarded. */
    default void latency(String dataset, long millis) {
    }
}
