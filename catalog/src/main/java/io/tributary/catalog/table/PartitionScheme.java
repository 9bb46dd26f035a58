package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.Names;

/**
 * How a table's folder is cut into partition folders, as the sink writes them:
 * {@code dt=YYYY-MM-DD} (daily), {@code dt=YYYY-MM-DD/hr=HH} (hourly) or {@code <field>=<value>}
 * (by a field's value). Partition columns are strings, as in Athena tables created by Glue, and
 * come after the data columns.
 */
public record PartitionScheme(Kind kind, List<String> columns) {
    public static final String DAY = "dt";
    public static final String HOUR = "hr";

    public static final PartitionScheme DAILY = new PartitionScheme(Kind.DAILY, List.of(DAY));
    public static final PartitionScheme HOURLY = new PartitionScheme(Kind.HOURLY, List.of(DAY, HOUR));

    public enum Kind { DAILY, HOURLY, VALUE }

    public PartitionScheme {
        columns = List.copyOf(columns);
    }

    /** Partitions by the values of the given columns (no projection: each partition is registered). */
    public static PartitionScheme byValue(List<String> columns) {
        for (String c : columns) {
            if (!Names.isValid(c)) {
                throw new IllegalArgumentException("partition column '" + c + "' does not match " + Names.RULE);
            }
        }
        return new PartitionScheme(Kind.VALUE, columns);
    }

    /** The scheme of a partition folder path below the table, e.g. {@code dt=2024-05-01/hr=08}. */
    public static PartitionScheme ofPath(String partitionPath) {
        List<String> names = new ArrayList<>();
        for (String segment : partitionPath.split("/")) {
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("partition path '" + partitionPath + "' has a segment '" + segment
                        + "' that is not <column>=<value>");
            }
            names.add(segment.substring(0, eq));
        }
        if (names.equals(DAILY.columns)) {
            return DAILY;
        }
        if (names.equals(HOURLY.columns)) {
            return HOURLY;
        }
        return byValue(names);
    }

    /** Whether Athena can compute the partitions (partition projection) instead of having them registered. */
    public boolean projectable() {
        return kind != Kind.VALUE;
    }

    public List<TableColumn> partitionColumns() {
        return columns.stream().map(c -> TableColumn.of(c, ColumnType.Primitive.STRING)).toList();
    }
}
