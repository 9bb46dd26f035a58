package io.tributary.processors.topology;

import io.tributary.processors.validation.RejectReason;

/** Counts the validator's decisions. Under exactly-once a retried transaction counts its records again. */
public interface ValidationMetrics {
    ValidationMetrics NONE = new ValidationMetrics() {
        @Override
        public void valid(String dataset) {
        }

        @Override
        public void rejected(String dataset, RejectReason reason) {
        }
    };

    void valid(String dataset);

    void rejected(String dataset, RejectReason reason);
}
