package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lake table as every catalog and engine needs it: database {@code <zone>_<stage>}, table
 * {@code <dataset>}, data columns then partition columns, its S3 location, Parquet storage, and
 * table properties (Athena partition projection where the partitions can be computed).
 */
public record TableDefinition(
        String database,
        String table,
        String description,
        List<TableColumn> columns,
        PartitionScheme partitions,
        String location,
        Map<String, String> properties) {

    public static final String FORMAT = "PARQUET";

    public TableDefinition {
        columns = List.copyOf(columns);
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        description = description == null ? "" : description;
        if (!location.endsWith("/")) {
            throw new IllegalArgumentException("table location '" + location + "' must end with '/'");
        }
        for (TableColumn c : columns) {
            if (partitions.columns().contains(c.name())) {
                throw new UnsupportedSchemaException(c.name(), "the field has the name of partition column '" + c.name()
                        + "' of " + database + "." + table + "; rename the field");
            }
        }
    }

    /** {@code <database>.<table>}. */
    public String qualifiedName() {
        return database + "." + table;
    }

    public List<TableColumn> partitionColumns() {
        return partitions.partitionColumns();
    }

    /** Data columns, then partition columns, as a query sees them. */
    public List<TableColumn> allColumns() {
        List<TableColumn> all = new ArrayList<>(columns);
        all.addAll(partitionColumns());
        return all;
    }

    public Optional<TableColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The same table with other data columns (schema evolution). */
    public TableDefinition withColumns(List<TableColumn> newColumns) {
        return new TableDefinition(database, table, description, newColumns, partitions, location, properties);
    }

    /** Whether the table has partition projection properties (Athena computes its partitions). */
    public boolean projected() {
        return "true".equals(properties.get(PartitionProjection.ENABLED));
    }
}
