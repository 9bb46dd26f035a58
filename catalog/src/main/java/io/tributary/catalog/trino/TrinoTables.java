package io.tributary.catalog.trino;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.ddl.TrinoDdl;
import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;

/**
 * Keeps the local Trino's Hive metastore in step with the lake's table definitions: creates
 * schemas and tables with {@link TrinoDdl}, re-creates a table whose columns changed (dropping an
 * external table forgets its metadata only, never its files), and registers the partition
 * folders present in S3.
 */
public final class TrinoTables {
    private static final Logger LOG = LoggerFactory.getLogger(TrinoTables.class);

    private final Connection admin;

    public TrinoTables(Connection admin) {
        this.admin = admin;
    }

    /** Creates or re-creates each table as needed, then registers its partitions; returns why a table failed, by table. */
    public Map<TableDefinition, SQLException> sync(List<TableDefinition> tables) throws SQLException {
        // One look at what Trino has, rather than one per table: every statement costs a round trip and planning.
        Set<String> schemas = new HashSet<>();
        Map<String, List<String>> columns = new HashMap<>();
        try (Statement s = admin.createStatement(); ResultSet rows = s.executeQuery("SELECT s.schema_name, c.table_name, c.column_name,"
                + " c.data_type FROM information_schema.schemata s LEFT JOIN information_schema.columns c ON c.table_schema = s.schema_name"
                + " ORDER BY s.schema_name, c.table_name, c.ordinal_position")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
                if (rows.getString(2) != null) {
                    columns.computeIfAbsent(rows.getString(1) + "." + rows.getString(2), k -> new ArrayList<>())
                            .add(rows.getString(3) + " " + normalise(rows.getString(4)));
                }
            }
        }
        Map<TableDefinition, SQLException> failed = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            try {
                if (schemas.add(table.database())) {
                    execute(TrinoDdl.createSchema(table.database()));
                }
                sync(table, columns.getOrDefault(table.qualifiedName(), List.of()));
            } catch (SQLException e) {
                failed.put(table, e);
            }
        }
        return failed;
    }

    private void sync(TableDefinition table, List<String> existing) throws SQLException {
        List<String> wanted = table.allColumns().stream().map(TrinoTables::signature).toList();
        if (!existing.equals(wanted)) {
            if (!existing.isEmpty()) {
                LOG.info("Trino table {} changed columns; re-creating it over the same files", table.qualifiedName());
                execute(TrinoDdl.dropTable(table));
            }
            execute(TrinoDdl.createTable(table, false));
        }
        if (!table.partitionColumns().isEmpty()) {
            execute(TrinoDdl.syncPartitions(table));
        }
        // An entity's ods table is a change log; <entity>_current shows the latest row per key, as in DuckDB and Athena.
        java.util.Optional<String> current = io.tributary.catalog.table.CurrentViews.forTable(table);
        if (current.isPresent()) {
            execute(current.get());
        }
    }

    private static String signature(TableColumn c) {
        return c.name() + " " + normalise(c.type().trino());
    }

    /** Trino shows row field names without quotes; spacing differs too. */
    private static String normalise(String type) {
        return type.replace("\"", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }
}
