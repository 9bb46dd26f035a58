package io.tributary.processors.topology;

import java.util.List;

import io.tributary.processors.validation.ValidationOutcome;

/** What becomes of one landing record: a staging record, or a rejection of the original bytes. */
public sealed interface Verdict {

    boolean accepted();

    /**
     * Key and value as written to staging: the key field's value as UTF-8 text, the value in
     * Confluent's wire format; {@code warnings} names the {@code warn} rules the record failed.
     */
    record Accepted(byte[] key, byte[] value, List<String> warnings) implements Verdict {
        public Accepted {
            warnings = List.copyOf(warnings);
        }

        public Accepted(byte[] key, byte[] value) {
            this(key, value, List.of());
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /**
     * The landing record's value, unchanged, and why it was rejected; {@code failsBatch} when a
     * {@code fail-batch} rule failed (the whole batch is rejected whatever its tolerance).
     */
    record Rejected(byte[] originalValue, ValidationOutcome.Rejected why, boolean failsBatch) implements Verdict {
        public Rejected(byte[] originalValue, ValidationOutcome.Rejected why) {
            this(originalValue, why, false);
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
