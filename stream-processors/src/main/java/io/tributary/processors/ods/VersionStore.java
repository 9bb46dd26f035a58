package io.tributary.processors.ods;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the upsert of a single-source entity (the one-hop mapping application) keeps the latest
 * version and priority of each key: setting {@value #SETTING}. Entities with several sources (the
 * upsert application reading {@code <entity>.mapped}) always use the changelogged store.
 */
public enum VersionStore {
    /** In memory per task, rebuilt from the entity's ods topic when the task starts: one write per record. */
    ODS_TOPIC("ods-topic"),
    /** A RocksDB store with a changelog topic: every written record is sent twice (ods topic and changelog). */
    CHANGELOG("changelog");

    public static final String SETTING = "tributary.ods.version-store";

    private final String value;

    VersionStore(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException naming the setting and the accepted values */
    public static VersionStore parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SETTING + " is '" + value + "': expected one of "
                        + Arrays.stream(values()).map(VersionStore::value).toList()));
    }
}
