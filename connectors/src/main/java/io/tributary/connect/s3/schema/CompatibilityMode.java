package io.tributary.connect.s3.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code schema.compatibility}: what happens when a record's writer schema differs from the
 * schema of the open file it belongs in. "Newer" means a higher schema id (registries number
 * schemas in the order they are registered) or a higher Connect schema version.
 * <ul>
 * <li>{@code NONE}: every change of schema starts a new file; each file holds one writer schema.</li>
 * <li>{@code BACKWARD}: files move forward to the newest schema. A newer schema that can read the
 * file's records starts a new file; an older record the file's schema can read is projected into
 * it (Avro schema resolution: missing fields take their defaults). Anything else goes to the
 * dead-letter queue.</li>
 * <li>{@code FORWARD}: a file keeps the schema it was opened with; any record its schema can read
 * (newer ones too: added fields are dropped) is projected into it; anything else is rejected.</li>
 * <li>{@code FULL}: like BACKWARD, but both schemas must be able to read each other.</li>
 * </ul>
 */
public enum CompatibilityMode {
    NONE, BACKWARD, FORWARD, FULL;

    public static CompatibilityMode fromId(String id) {
        for (CompatibilityMode m : values()) {
            if (m.name().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown schema compatibility '" + id + "'; one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(m -> m.name().toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
