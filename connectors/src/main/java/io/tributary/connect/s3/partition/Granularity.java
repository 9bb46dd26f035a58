package io.tributary.connect.s3.partition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How finely time partitions cut: {@code dt=YYYY-MM-DD}, or {@code dt=YYYY-MM-DD/hr=HH}. */
public enum Granularity {
    DAILY, HOURLY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Granularity fromId(String id) {
        for (Granularity g : values()) {
            if (g.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown granularity '" + id + "'; one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Granularity::id).collect(Collectors.joining(", "));
    }
}
