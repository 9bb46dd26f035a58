package io.tributary.model;

import java.util.Locale;
import java.util.Optional;

/** The stages a zone's data moves through; each is a set of topics and a folder of the lake. */
public enum Stage {
    LANDING, STAGING, REJECTED, ODS, ANALYTICAL;

    /** The lower-case word used in topic names, S3 prefixes and catalog names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> fromId(String id) {
        for (Stage stage : values()) {
            if (stage.id().equals(id)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
