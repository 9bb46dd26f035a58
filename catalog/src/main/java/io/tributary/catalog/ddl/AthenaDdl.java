package io.tributary.catalog.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;

/**
 * Athena's DDL (Hive's dialect) for a lake table: {@code CREATE EXTERNAL TABLE … PARTITIONED BY …
 * STORED AS PARQUET LOCATION … TBLPROPERTIES (…)}, with the partition projection properties so
 * that Athena finds new partitions by itself.
 */
public final class AthenaDdl {
    private AthenaDdl() {
    }

    public static String createDatabase(String database) {
        return "CREATE DATABASE IF NOT EXISTS " + quote(database);
    }

    public static String createTable(TableDefinition table) {
        StringBuilder ddl = new StringBuilder("CREATE EXTERNAL TABLE IF NOT EXISTS ")
                .append(quote(table.database())).append('.').append(quote(table.table())).append(" (\n");
        ddl.append(columns(table.columns())).append("\n)");
        if (!table.description().isEmpty()) {
            ddl.append("\nCOMMENT ").append(literal(table.description()));
        }
        if (!table.partitionColumns().isEmpty()) {
            ddl.append("\nPARTITIONED BY (\n").append(columns(table.partitionColumns())).append("\n)");
        }
        ddl.append("\nSTORED AS PARQUET");
        ddl.append("\nLOCATION ").append(literal(table.location()));
        List<String> properties = new ArrayList<>();
        properties.add("  " + literal("classification") + "=" + literal("parquet"));
        for (Map.Entry<String, String> p : table.properties().entrySet()) {
            properties.add("  " + literal(p.getKey()) + "=" + literal(p.getValue()));
        }
        ddl.append("\nTBLPROPERTIES (\n").append(String.join(",\n", properties)).append("\n)");
        return ddl.toString();
    }

    private static String columns(List<TableColumn> columns) {
        List<String> lines = new ArrayList<>();
        for (TableColumn c : columns) {
            String line = "  " + quote(c.name()) + " " + c.type().hive();
            if (!c.comment().isEmpty()) {
                line += " COMMENT " + literal(c.comment());
            }
            lines.add(line);
        }
        return String.join(",\n", lines);
    }

    /** Athena quotes DDL identifiers with backticks. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** Hive string literals escape with backslashes; comments stay on one line. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replaceAll("\\s*[\\r\\n]+\\s*", " ") + "'";
    }
}
