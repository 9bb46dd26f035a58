package io.tributary.model;

/** What a lookup in reference data does when the key is not there. */
public enum MissPolicy {
    /** The record goes to the dataset's rejected topic (reason {@code LOOKUP_MISSED}). */
    REJECT,
    /** The looked-up value is null (the target field must allow null). */
    NULL,
    /** The looked-up value is the lookup's declared default. */
    DEFAULT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
