package io.tributary.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;

/**
 * The DuckDB form of a lake table: a view over the table folder's Parquet files. With a table
 * definition the view has exactly the definition's columns, in its order and with its types, as
 * Athena and Trino show them: columns are matched by name across files of every schema version,
 * a column no file has yet is NULL, timestamps are UTC wall-clock {@code TIMESTAMP}, and the
 * partition folders are string columns last. Without one it shows whatever the files hold.
 */
final class DuckDbViews {
    private DuckDbViews() {
    }

    /** {@code read_parquet} over every file under {@code folder}, files of all schema versions together. */
    static String source(TableLocation table) {
        // hive_types_autocast=false keeps dt a string, as in the Glue/Athena tables.
        return "read_parquet(" + LocalSqlEngine.literal(table.folder() + "/**/*.parquet")
                + ", hive_partitioning = true, union_by_name = true, hive_types_autocast = false)";
    }

    /** The columns the files have, by lower-case name, with DuckDB's type names. */
    static Map<String, String> fileColumns(Connection connection, TableLocation table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("DESCRIBE SELECT * FROM " + source(table))) {
            while (rows.next()) {
                columns.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        return columns;
    }

    /** The view statement for a table with a definition. */
    static String createView(TableLocation table, TableDefinition definition, Map<String, String> fileColumns) {
        List<String> select = new ArrayList<>();
        for (TableColumn c : definition.allColumns()) {
            String name = LocalSqlEngine.identifier(c.name());
            String expression = fileColumns.containsKey(c.name()) ? name : "NULL";
            select.add("CAST(" + expression + " AS " + c.type().duckdb() + ") AS " + name);
        }
        return "CREATE VIEW " + qualified(table) + " AS SELECT " + String.join(", ", select) + " FROM " + source(table);
    }

    /** The view statement for a table known only by its files. */
    static String createView(TableLocation table) {
        return "CREATE VIEW " + qualified(table) + " AS SELECT * FROM " + source(table);
    }

    private static String qualified(TableLocation table) {
        return LocalSqlEngine.identifier(table.database()) + "." + LocalSqlEngine.identifier(table.table());
    }
}
