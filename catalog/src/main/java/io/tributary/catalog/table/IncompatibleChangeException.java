package io.tributary.catalog.table;

/**
 * A table's new schema changes a column in a way its existing files cannot be read with, e.g.
 * a string becoming a number. The message names the table and the column.
 */
public class IncompatibleChangeException extends RuntimeException {
    public IncompatibleChangeException(String message) {
        super(message);
    }
}
