package io.tributary.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.LocalSqlEngine;

/** The interactive prompt of `tributary sql`, typed into through a terminal over streams, on the embedded engine. */
class SqlShellTest {
    @TempDir
    Path data;

    private Path lake;
    private Path history;

    @BeforeEach
    void lake() throws SQLException, IOException {
        lake = data.resolve("s3/lake");
        history = data.resolve("sql_history");
        Path day = lake.resolve("staging/finance/expenses/dt=2024-01-15");
        Files.createDirectories(day);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('e1', 'sales', 12.50::DECIMAL(12,2)), ('e2', 'hr', 7.25::DECIMAL(12,2)))"
                    + " t(expense_id, department, amount)) TO '" + day.resolve("finance.staging.expenses+0+00000000000000000000.parquet")
                    + "' (FORMAT parquet)");
        }
    }

    /** Types {@code input} into a new session (ending it with the end of input, as Ctrl-D) and returns what it printed. */
    private String session(OutputFormat format, String input) throws IOException {
        return session(format, input, Terminal.TYPE_DUMB);
    }

    /** A terminal of type {@code type}: JLine gives a dumb one its plain key map only, an ANSI one arrow keys and history keys. */
    private String session(OutputFormat format, String input, String type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", type, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)) {
            new SqlShell(() -> LocalSqlEngine.open(lake), "DuckDB (embedded)", history, format, 100).run(terminal);
        }
        return out.toString(StandardCharsets.UTF_8).replace("\r", "");
    }

    @Test
    void aStatementMaySpanLinesUntilItsSemicolon() throws IOException {
        String printed = session(OutputFormat.TABLE, "SELECT expense_id, amount\nFROM finance_staging.expenses\nORDER BY expense_id;\n");

        assertThat(printed).contains(" expense_id | amount", " e1         |  12.50", " e2         |   7.25", "(2 rows)");
    }

    @Test
    void formatSwitchesBetweenCsvAndJson() throws IOException {
        String printed = session(OutputFormat.TABLE, """
                format csv
                SELECT expense_id, amount FROM finance_staging.expenses ORDER BY 1;
                format json
                SELECT expense_id, department FROM finance_staging.expenses ORDER BY 1;
                format xml
                """);

        assertThat(printed).contains("Results now print as csv", "expense_id,amount\ne1,12.50\ne2,7.25\n", "Results now print as json",
                "{\"expense_id\":\"e1\",\"department\":\"sales\"}\n{\"expense_id\":\"e2\",\"department\":\"hr\"}",
                "No format 'xml': table, csv or json");
        assertThat(printed).doesNotContain("(2 rows)");
    }

    @Test
    void aFailingStatementShowsTheEnginesMessageAndThePromptGoesOn() throws IOException {
        String printed = session(OutputFormat.TABLE, """
                SELECT nope FROM finance_staging.expenses;
                SELECT count(*) AS claims FROM finance_staging.expenses;
                """);

        int error = printed.indexOf("Referenced column \"nope\" not found");
        assertThat(error).isPositive();
        assertThat(printed.indexOf(" claims", error)).as("the good statement ran after the error").isPositive();
        assertThat(printed.substring(error)).contains("      2", "(1 row)");
        assertThat(printed).doesNotContain("at io.", "Exception");
    }

    @Test
    void tablesListsTheQueryableTables() throws IOException {
        String printed = session(OutputFormat.TABLE, "tables\n");

        assertThat(printed).contains("finance_staging.expenses");
    }

    @Test
    void theHistoryIsKeptAcrossSessions() throws IOException {
        session(OutputFormat.TABLE, "SELECT 41 + 1 AS answer;\n");
        assertThat(Files.readString(history)).contains("SELECT 41 + 1 AS answer;");

        // The up arrow then Enter in a new session runs the statement of the last one again.
        String printed = session(OutputFormat.CSV, "\u001b[A\n", "ansi");
        assertThat(printed).contains("answer\n42\n");
    }
}
