package io.tributary.ingest.body;

/**
 * A request body that cannot be cut into records, with where: the line and column (1-based) and
 * the byte offset (0-based) in the body; -1 where one does not apply (e.g. an empty body).
 */
public final class MalformedBodyException extends RuntimeException {
    private final long line;
    private final long column;
    private final long byteOffset;

    public MalformedBodyException(String problem, long line, long column, long byteOffset) {
        super(describe(problem, line, column, byteOffset));
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
    }

    /** A problem that concerns the whole body, not a place in it. */
    public static MalformedBodyException whole(String problem) {
        return new MalformedBodyException(problem, -1, -1, -1);
    }

    private static String describe(String problem, long line, long column, long byteOffset) {
        if (line < 0 && byteOffset < 0) {
            return problem;
        }
        StringBuilder where = new StringBuilder();
        if (line >= 0) {
            where.append("line ").append(line);
            if (column >= 0) {
                where.append(", column ").append(column);
            }
        }
        if (byteOffset >= 0) {
            where.append(where.length() > 0 ? ", " : "").append("byte offset ").append(byteOffset);
        }
        return where + ": " + problem;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
