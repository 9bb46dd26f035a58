package io.tributary.catalog.table;

/**
 * A column of a lake table: its lower-case name (Athena and Glue fold names to lower case), its
 * type, and a comment (the Avro field's doc, or empty).
 */
public record TableColumn(String name, ColumnType type, String comment) {

    public TableColumn {
        comment = comment == null ? "" : comment;
    }

    public static TableColumn of(String name, ColumnType type) {
        return new TableColumn(name, type, "");
    }

    public TableColumn withType(ColumnType other) {
        return new TableColumn(name, other, comment);
    }
}
