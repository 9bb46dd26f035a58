package io.tributary.catalog;

/** The SQL engine could not be started or used; the message says what and where. */
public class SqlEngineException extends RuntimeException {
    public SqlEngineException(String message) {
        super(message);
    }

    public SqlEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
