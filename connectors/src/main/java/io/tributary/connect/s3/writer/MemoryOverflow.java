package io.tributary.connect.s3.writer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code memory.overflow}: what a task does when its open files' buffers exceed the memory budget. */
public enum MemoryOverflow {
    /** Move the largest buffers to local disk; files keep growing to their normal size. */
    SPILL,
    /** Commit the files with the largest buffers early (smaller files, no local disk needed). */
    COMMIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryOverflow fromId(String id) {
        for (MemoryOverflow m : values()) {
            if (m.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown memory overflow action '" + id + "'; one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(MemoryOverflow::id).collect(Collectors.joining(", "));
    }
}
