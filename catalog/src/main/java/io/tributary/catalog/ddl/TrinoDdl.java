package io.tributary.catalog.ddl;

import java.util.ArrayList;
import java.util.List;

import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;

/**
 * Trino's DDL for a lake table in the Hive connector: {@code CREATE TABLE … WITH
 * (external_location, format, partitioned_by)}; Trino does not accept Hive's {@code CREATE
 * EXTERNAL TABLE}. With {@code projection}, the table also carries partition projection, which
 * Trino stores as the same {@code projection.*} properties Athena reads; without it, partitions
 * are registered with {@link #syncPartitions}.
 */
public final class TrinoDdl {
    private TrinoDdl() {
    }

    public static String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    public static String createTable(TableDefinition table, boolean projection) {
        boolean projected = projection && table.projected();
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                .append(quote(table.database())).append('.').append(quote(table.table())).append(" (\n");
        List<String> lines = new ArrayList<>();
        for (TableColumn c : table.columns()) {
            lines.add("  " + quote(c.name()) + " " + c.type().trino() + (c.comment().isEmpty() ? "" : " COMMENT " + literal(c.comment())));
        }
        for (TableColumn c : table.partitionColumns()) {
            lines.add("  " + quote(c.name()) + " " + c.type().trino() + (projected ? " WITH (" + columnProjection(table, c.name()) + ")" : ""));
        }
        ddl.append(String.join(",\n", lines)).append("\n)");
        if (!table.description().isEmpty()) {
            ddl.append("\nCOMMENT ").append(literal(table.description()));
        }
        List<String> with = new ArrayList<>();
        with.add("external_location = " + literal(table.location()));
        with.add("format = " + literal(TableDefinition.FORMAT));
        if (!table.partitionColumns().isEmpty()) {
            with.add("partitioned_by = ARRAY[" + String.join(", ", table.partitions().columns().stream().map(TrinoDdl::literal).toList()) + "]");
        }
        if (projected) {
            with.add("partition_projection_enabled = true");
            with.add("partition_projection_location_template = " + literal(table.properties().get(PartitionProjection.LOCATION_TEMPLATE)));
        }
        ddl.append("\nWITH (\n  ").append(String.join(",\n  ", with)).append("\n)");
        return ddl.toString();
    }

    /** Trino's column properties for the same projection as the table's Athena {@code projection.<column>.*} properties. */
    private static String columnProjection(TableDefinition table, String column) {
        List<String> props = new ArrayList<>();
        String prefix = "projection." + column + ".";
        String type = table.properties().get(prefix + "type");
        props.add("partition_projection_type = " + literal(type));
        if (table.properties().containsKey(prefix + "format")) {
            props.add("partition_projection_format = " + literal(table.properties().get(prefix + "format")));
        }
        String[] range = table.properties().get(prefix + "range").split(",");
        props.add("partition_projection_range = ARRAY[" + literal(range[0]) + ", " + literal(range[1]) + "]");
        if (table.properties().containsKey(prefix + "interval")) {
            props.add("partition_projection_interval = " + Integer.parseInt(table.properties().get(prefix + "interval")));
        }
        if (table.properties().containsKey(prefix + "interval.unit")) {
            props.add("partition_projection_interval_unit = " + literal(table.properties().get(prefix + "interval.unit")));
        }
        if (table.properties().containsKey(prefix + "digits")) {
            props.add("partition_projection_digits = " + Integer.parseInt(table.properties().get(prefix + "digits")));
        }
        return String.join(", ", props);
    }

    /** Registers the partition folders present under the table's location (and forgets deleted ones). */
    public static String syncPartitions(TableDefinition table) {
        return "CALL system.sync_partition_metadata(schema_name => " + literal(table.database()) + ", table_name => "
                + literal(table.table()) + ", mode => 'FULL')";
    }

    public static String dropTable(TableDefinition table) {
        return "DROP TABLE IF EXISTS " + quote(table.database()) + "." + quote(table.table());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''").replaceAll("\\s*[\\r\\n]+\\s*", " ") + "'";
    }
}
