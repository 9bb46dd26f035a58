package io.tributary.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lets through only single read-only statements: SELECT in its forms (WITH, FROM-first, set
 * operations), DESCRIBE, SHOW and SUMMARIZE. DuckDB's own parser decides: it serialises only
 * SELECT-shaped statements to JSON, so COPY, CREATE, SET, ATTACH, INSTALL, PRAGMA and the like
 * are refused without being run. Without this, COPY could write files into the lake.
 */
final class ReadOnlyGuard {
    private static final String CHECK = "SELECT (j->>'error')::BOOLEAN, j->>'error_type', j->>'error_message', "
            + "coalesce(json_array_length(j->'statements'), 0) FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)";

    enum Outcome { READ_ONLY, NOT_READ_ONLY, NOT_ONE_STATEMENT, UNPARSABLE }

    record Verdict(Outcome outcome, String message) {
    }

    private ReadOnlyGuard() {
    }

    static Verdict check(Connection connection, String sql) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(CHECK)) {
            check.setString(1, sql);
            try (ResultSet answer = check.executeQuery()) {
                answer.next();
                boolean error = answer.getBoolean(1);
                String type = answer.getString(2);
                String message = answer.getString(3);
                int statements = answer.getInt(4);
                if (error && "parser".equals(type)) {
                    return new Verdict(Outcome.UNPARSABLE, message);
                }
                if (error) {
                    return new Verdict(Outcome.NOT_READ_ONLY, "only read-only queries are allowed (SELECT, WITH, FROM, "
                            + "DESCRIBE, SHOW, SUMMARIZE); COPY, CREATE, INSERT, SET, ATTACH, INSTALL, PRAGMA and EXPLAIN are not");
                }
                if (statements != 1) {
                    return new Verdict(Outcome.NOT_ONE_STATEMENT, statements == 0 ? "the query is empty"
                            : "one statement at a time, please: found " + statements);
                }
                return new Verdict(Outcome.READ_ONLY, "");
            }
        }
    }
}
