package io.tributary.model;

import java.util.Locale;

/** Whether bad records are rejected one by one, or reject the whole batch they came in. */
public enum ValidationMode {
    RECORD, BATCH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
