package io.tributary.model;

import java.util.Locale;

/** What a data-quality rule does to a record that fails it. */
public enum RuleAction {
    /** The record goes to the rejected topic (in batch mode it counts against the batch). */
    REJECT,
    /** The record passes; the failure is counted and named in the {@code tributary.warn.rules} header. */
    WARN,
    /** The whole batch is rejected (only for datasets in {@code validationMode: batch}). */
    FAIL_BATCH;

    /** As written in descriptors: {@code reject}, {@code warn}, {@code fail-batch}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
