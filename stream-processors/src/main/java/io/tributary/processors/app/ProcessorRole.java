package io.tributary.processors.app;

import java.util.Arrays;
import java.util.Optional;

/** The zone roles whose work runs in this application, each under its own Kafka and registry identity. */
public enum ProcessorRole {
    /** landing → staging / rejected; configured by the application's own Kafka and registry keys. */
    VALIDATOR("validator"),
    /** staging → ods: the mapping and upsert applications, and the steward holds they follow. */
    CANONICALISER("canonicaliser"),
    /** ods → analytical: facts and aggregates. */
    ANALYTICAL("analytical");

    private final String id;

    ProcessorRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<ProcessorRole> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
