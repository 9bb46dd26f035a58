package io.tributary.processors.topology;

import io.tributary.processors.validation.ValidationOutcome;

/** What becomes of one landing record: a staging record, or a rejection of the original bytes. */
public sealed interface Verdict {

    boolean accepted();

    /** Key and value as written to staging: the key field's value as UTF-8 text, the value in Confluent's wire format. */
    record Accepted(byte[] key, byte[] value) implements Verdict {
        @Override
        public boolean accepted() {
            return true;
        }
    }

    /** The landing record's value, unchanged, and why it was rejected. */
    record Rejected(byte[] originalValue, ValidationOutcome.Rejected why) implements Verdict {
        @Override
        public boolean accepted() {
            return false;
        }
    }
}
