package io.tributary.catalog.table;

/**
 * A dataset's schema has something Athena cannot represent as a column. The message names the
 * field path (e.g. {@code line_items[].amount}) and says what to do instead.
 */
public class UnsupportedSchemaException extends RuntimeException {
    private final String fieldPath;

    public UnsupportedSchemaException(String fieldPath, String message) {
        super("field '" + fieldPath + "': " + message);
        this.fieldPath = fieldPath;
    }

    /** The same problem, said of {@code where} (e.g. the topic whose schema it is). */
    public UnsupportedSchemaException(String where, UnsupportedSchemaException problem) {
        super(where + ": " + problem.getMessage(), problem);
        this.fieldPath = problem.fieldPath;
    }

    public String fieldPath() {
        return fieldPath;
    }
}
