package io.tributary.processors.validation;

import java.util.Objects;

import org.apache.avro.generic.GenericRecord;

/** The result of checking one landing record against its dataset's schema. */
public sealed interface ValidationOutcome {

    static ValidationOutcome valid(GenericRecord record) {
        return new Valid(record);
    }

    static Rejected rejected(RejectReason reason, String fieldPath, String message) {
        return new Rejected(reason, "", fieldPath, message);
    }

    boolean isValid();

    /** The record matches the schema; {@code record} is ready to be written in the staging format. */
    record Valid(GenericRecord record) implements ValidationOutcome {
        public Valid {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public boolean isValid() {
            return true;
        }
    }

    /**
     * The record does not match.
     *
     * @param rule      the data-quality rule that failed; empty when the reason is not a rule
     * @param fieldPath where, e.g. {@code items[2].price}; empty when it concerns the whole record
     * @param message   what is wrong, for a person fixing the producer
     */
    record Rejected(RejectReason reason, String rule, String fieldPath, String message) implements ValidationOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            rule = rule == null ? "" : rule;
            fieldPath = fieldPath == null ? "" : fieldPath;
            message = message == null ? "" : message;
        }

        public Rejected(RejectReason reason, String fieldPath, String message) {
            this(reason, "", fieldPath, message);
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public String toString() {
            return reason + (rule.isEmpty() ? "" : " (rule " + rule + ")") + (fieldPath.isEmpty() ? "" : " at " + fieldPath) + ": "
                    + message;
        }
    }
}
