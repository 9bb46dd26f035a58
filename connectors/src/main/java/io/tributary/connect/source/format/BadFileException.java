package io.tributary.connect.source.format;

/**
 * A file that cannot be ingested as a batch, with where the problem is: the row (1-based data row
 * or line, -1 for the whole file) and the column, when there is one.
 */
public final class BadFileException extends Exception {
    private final BadFileReason reason;
    private final long row;
    private final String field;

    public BadFileException(BadFileReason reason, String message, long row, String field) {
        super(message);
        this.reason = reason;
        this.row = row;
        this.field = field == null ? "" : field;
    }

    public BadFileException(BadFileReason reason, String message) {
        this(reason, message, -1, "");
    }

    public BadFileReason reason() {
        return reason;
    }

    public long row() {
        return row;
    }

    public String field() {
        return field;
    }
}
