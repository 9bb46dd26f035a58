package io.tributary.catalog;

/**
 * A query failed: its SQL is wrong, names something that does not exist, or is not allowed.
 * The message is meant for the analyst who wrote it: the engine's explanation, with line and
 * position where the engine gives them, and no stack trace.
 */
public class SqlQueryException extends SqlEngineException {
    private final String sql;

    public SqlQueryException(String message, String sql) {
        super(message);
        this.sql = sql;
    }

    public SqlQueryException(String message, String sql, Throwable cause) {
        super(message, cause);
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
