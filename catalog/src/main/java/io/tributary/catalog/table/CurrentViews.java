package io.tributary.catalog.table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code <entity>_current} view over an entity's ods table. The ods topic is a change log
 * (every newer version of a business key), and so is its lake table; the view keeps the latest row
 * per key: the greatest version. One statement serves Athena, Trino and DuckDB (window functions
 * and double-quoted identifiers are common to the three); its columns are the table's, listed, so
 * the view does not change shape when a helper column is added.
 */
public final class CurrentViews {
    public static final String SUFFIX = "_current";
    /** Table properties of an entity's ods table naming the view's key and version columns. */
    public static final String KEY_PROPERTY = "tributary.entity.key";
    public static final String VERSION_PROPERTY = "tributary.entity.version";
    private static final String ROW = "tributary_row";

    private CurrentViews() {
    }

    /** The view statement of a table that names its key and version in its properties, if it does. */
    public static java.util.Optional<String> forTable(TableDefinition table) {
        String key = table.properties().get(KEY_PROPERTY);
        String version = table.properties().get(VERSION_PROPERTY);
        return key == null || version == null ? java.util.Optional.empty() : java.util.Optional.of(createView(table, key, version));
    }

    public static String viewName(TableDefinition odsTable) {
        return odsTable.table() + SUFFIX;
    }

    /**
     * @param keyColumn     the entity's business key
     * @param versionColumn the entity's version field (event time or version number)
     */
    public static String createView(TableDefinition odsTable, String keyColumn, String versionColumn) {
        return "CREATE OR REPLACE VIEW " + quote(odsTable.database()) + "." + quote(viewName(odsTable)) + " AS\n"
                + select(odsTable, keyColumn, versionColumn);
    }

    /** The view's query alone: what Athena keeps in the Glue Data Catalog as the view's original SQL. */
    public static String select(TableDefinition odsTable, String keyColumn, String versionColumn) {
        List<TableColumn> columns = odsTable.allColumns();
        for (String required : List.of(keyColumn, versionColumn)) {
            if (columns.stream().noneMatch(c -> c.name().equals(required))) {
                throw new IllegalArgumentException("table " + odsTable.qualifiedName() + " has no column " + required + " (columns: "
                        + columns.stream().map(TableColumn::name).toList() + ")");
            }
        }
        String list = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        return "SELECT " + list + "\n"
                + "FROM (\n"
                + "  SELECT " + list + ",\n"
                + "         row_number() OVER (PARTITION BY " + quote(keyColumn) + " ORDER BY " + quote(versionColumn) + " DESC) AS " + ROW + "\n"
                + "  FROM " + quote(odsTable.database()) + "." + quote(odsTable.table()) + "\n"
                + ") versions\n"
                + "WHERE " + ROW + " = 1";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
