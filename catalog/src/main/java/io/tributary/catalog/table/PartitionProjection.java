package io.tributary.catalog.table;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Athena partition projection: table properties from which Athena computes a table's partitions,
 * so that a new {@code dt=} folder is queryable the moment the sink writes it, with no crawler
 * and no partition registration. Daily folders project as dates from {@code start} to
 * {@code NOW}; hours as two-digit integers 00 to 23. Trino's Hive connector reads the same properties.
 */
public record PartitionProjection(LocalDate start) {
    public static final String ENABLED = "projection.enabled";
    public static final String LOCATION_TEMPLATE = "storage.location.template";
    public static final PartitionProjection DEFAULT = new PartitionProjection(LocalDate.of(2020, 1, 1));

    /** The properties for a table at {@code location} partitioned by {@code scheme}; none if it cannot be projected. */
    public Map<String, String> properties(PartitionScheme scheme, String location) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!scheme.projectable()) {
            return p;
        }
        p.put(ENABLED, "true");
        p.put("projection." + PartitionScheme.DAY + ".type", "date");
        p.put("projection." + PartitionScheme.DAY + ".format", "yyyy-MM-dd");
        p.put("projection." + PartitionScheme.DAY + ".range", start + ",NOW");
        p.put("projection." + PartitionScheme.DAY + ".interval", "1");
        p.put("projection." + PartitionScheme.DAY + ".interval.unit", "DAYS");
        if (scheme.kind() == PartitionScheme.Kind.HOURLY) {
            p.put("projection." + PartitionScheme.HOUR + ".type", "integer");
            p.put("projection." + PartitionScheme.HOUR + ".range", "0,23");
            p.put("projection." + PartitionScheme.HOUR + ".digits", "2");
        }
        p.put(LOCATION_TEMPLATE, location + scheme.columns().stream().map(c -> c + "=${" + c + "}").collect(Collectors.joining("/")));
        return p;
    }
}
