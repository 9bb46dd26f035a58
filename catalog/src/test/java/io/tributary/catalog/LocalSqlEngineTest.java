package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.Stage;

class LocalSqlEngineTest {
    @TempDir
    static Path lake;
    private static LocalSqlEngine engine;

    @BeforeAll
    static void open() throws Exception {
        Lake.build(lake);
        engine = LocalSqlEngine.open(lake);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void exposesEveryDatasetWithParquetFilesOutsideLanding() {
        assertThat(engine.tables()).extracting(TableLocation::qualifiedName)
                .containsExactly("audit_analytical.logins", "finance_staging.expenses");
        assertThat(engine.tables()).extracting(TableLocation::stage).doesNotContain(Stage.LANDING);
    }

    @Test
    void countsAndSumsAcrossFilesAndPartitions() {
        QueryResult result = engine.query("SELECT count(*) AS n, sum(amount) AS total FROM finance_staging.expenses");

        assertThat(result.columns()).containsExactly(new Column("n", "BIGINT"), new Column("total", "DOUBLE"));
        assertThat(result.value(0, "n")).isEqualTo(5L);
        assertThat(result.value(0, "total")).isEqualTo(150.25);
    }

    @Test
    void dtFolderIsAStringPartitionColumnAfterTheDataColumns() {
        QueryResult perDay = engine.query(
                "SELECT dt, count(*) AS n FROM finance_staging.expenses WHERE dt >= '2024-01-15' GROUP BY dt ORDER BY dt");

        assertThat(perDay.rows()).containsExactly(List.of("2024-01-15", 3L), List.of("2024-01-16", 2L));
        QueryResult columns = engine.query("DESCRIBE finance_staging.expenses");
        assertThat(columns.rows()).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("id VARCHAR", "amount DOUBLE", "at TIMESTAMP WITH TIME ZONE", "currency VARCHAR", "dt VARCHAR");
    }

    @Test
    void filesOfOlderSchemaVersionsReadAsNullInNewColumns() {
        QueryResult result = engine.query("SELECT id, currency FROM finance_staging.expenses ORDER BY id");

        assertThat(result.rows()).containsExactly(Arrays.asList("e1", null), Arrays.asList("e2", null),
                Arrays.asList("e3", null), List.of("e4", "USD"), List.of("e5", "EUR"));
    }

    @Test
    void landingIsNeitherATableNorReadableByPath() {
        assertThatThrownBy(() -> engine.query("SELECT * FROM finance_landing.expenses"))
                .isInstanceOf(SqlQueryException.class)
                .hasMessageStartingWith("Query failed: Catalog Error: Table with name \"finance_landing.expenses\" does not exist")
                .hasMessageContaining("Tables: audit_analytical.logins, finance_staging.expenses");

        String landingFiles = lake.resolve("landing/finance/expenses") + "/**/*.parquet";
        assertThatThrownBy(() -> engine.query("SELECT * FROM read_parquet('" + landingFiles + "')"))
                .isInstanceOf(SqlQueryException.class)
                .hasMessageContaining("Permission Error")
                .hasMessageContaining("never landing data");
        String sneaky = lake.resolve("staging/finance/expenses") + "/../../../landing/finance/expenses/**/*.parquet";
        assertThatThrownBy(() -> engine.query("SELECT * FROM read_parquet('" + sneaky + "')"))
                .hasMessageContaining("Permission Error");
    }

    @Test
    void badSqlGivesTheEnginesExplanationNotAStackTrace() {
        assertThatThrownBy(() -> engine.query("SELEC count(*) FROM finance_staging.expenses"))
                .isInstanceOf(SqlQueryException.class)
                .hasMessageStartingWith("Query failed: Parser Error: syntax error at or near \"SELEC\"")
                .hasMessageContaining("LINE 1:")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("\tat ");
        assertThatThrownBy(() -> engine.query("SELECT amount_eur FROM finance_staging.expenses"))
                .hasMessageStartingWith("Query failed: Binder Error: Referenced column \"amount_eur\" not found");
        assertThatThrownBy(() -> engine.query("  ")).hasMessage("The query is empty");
    }

    @Test
    void onlyReadOnlySingleStatementsRun() throws Exception {
        Path written = lake.resolve("staging/finance/expenses/dt=2024-01-17/injected.parquet");
        assertThatThrownBy(() -> engine.query("COPY (SELECT 1 AS id) TO '" + written + "' (FORMAT parquet)"))
                .isInstanceOf(SqlQueryException.class)
                .hasMessageStartingWith("Query refused: only read-only queries are allowed");
        assertThat(Files.exists(written)).isFalse();

        assertThatThrownBy(() -> engine.query("SET enable_external_access = true")).hasMessageStartingWith("Query refused");
        assertThatThrownBy(() -> engine.query("CREATE TABLE t AS SELECT 1")).hasMessageStartingWith("Query refused");
        assertThatThrownBy(() -> engine.query("SELECT 1; SELECT 2"))
                .hasMessage("Query refused: one statement at a time, please: found 2");
        assertThat(engine.query("SELECT 1 + 1 AS two").rows()).containsExactly(List.of(2));
        assertThat(engine.query("FROM finance_staging.expenses SELECT count(*) AS n").value(0, "n")).isEqualTo(5L);
        assertThat(engine.query("WITH d AS (SELECT DISTINCT dt FROM finance_staging.expenses) SELECT count(*) AS n FROM d")
                .value(0, "n")).isEqualTo(2L);
        assertThat(engine.query("SHOW ALL TABLES").rows()).extracting(r -> r.get(1) + "." + r.get(2))
                .contains("finance_staging.expenses", "audit_analytical.logins");
        assertThat(engine.query("SUMMARIZE finance_staging.expenses").rowCount()).isEqualTo(5);
    }

    @Test
    void fetchesAtMostMaxRowsAndSaysSo() {
        QueryResult result = engine.query("SELECT * FROM range(5)", 3);

        assertThat(result.rowCount()).isEqualTo(3);
        assertThat(result.truncated()).isTrue();
        assertThat(engine.query("SELECT * FROM range(3)", 3).truncated()).isFalse();
    }

    @Test
    void rendersResultsAsATable() {
        QueryResult result = engine.query("SELECT dt, count(*) AS n, sum(amount) AS total FROM finance_staging.expenses "
                + "GROUP BY dt ORDER BY dt");

        assertThat(result.render()).isEqualTo("""
                 dt         | n | total
                ------------+---+--------
                 2024-01-15 | 3 | 119.75
                 2024-01-16 | 2 |   30.5
                (2 rows)""");
        assertThat(engine.query("SELECT * FROM finance_staging.expenses WHERE id = 'e1'").render())
                .startsWith(" id | amount | at ")
                .contains(" e1 |   12.5 | 2024-01-15 ", " | NULL     | 2024-01-15")
                .endsWith("(1 row)");
    }

    @Test
    void emptyLakeHasNoTablesButAnswersQueries(@TempDir Path empty) {
        try (LocalSqlEngine none = LocalSqlEngine.open(empty)) {
            assertThat(none.tables()).isEmpty();
            assertThat(none.query("SELECT 42::HUGEINT AS answer").rows()).containsExactly(List.of(BigInteger.valueOf(42)));
            assertThatThrownBy(() -> none.query("SELECT * FROM finance_staging.expenses"))
                    .hasMessageContaining("Tables: (none: nothing has reached the lake yet)");
        }
    }

    @Test
    void tableWithAnUnreadableFileIsLeftOutAndTheOthersStayQueryable(@TempDir Path other) throws Exception {
        Lake.build(other);
        Path broken = other.resolve("ods/finance/ledger/dt=2024-01-15/finance.ods.ledger+0+00000000000000000000.parquet");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "not parquet");

        try (LocalSqlEngine partial = LocalSqlEngine.open(other)) {
            assertThat(partial.tables()).extracting(TableLocation::qualifiedName)
                    .containsExactly("audit_analytical.logins", "finance_staging.expenses");
            assertThat(partial.unavailableTables().entrySet()).singleElement().satisfies(e -> {
                assertThat(e.getKey().qualifiedName()).isEqualTo("finance_ods.ledger");
                assertThat(e.getValue()).contains(broken.toString());
            });
            assertThat(partial.query("SELECT count(*) AS n FROM finance_staging.expenses").value(0, "n")).isEqualTo(5L);
        }
    }

    @Test
    void missingLakeFolderIsAClearError(@TempDir Path parent) {
        Path missing = parent.resolve("s3/lake");

        assertThatThrownBy(() -> LocalSqlEngine.open(missing))
                .isInstanceOf(SqlEngineException.class)
                .hasMessageStartingWith("Lake folder " + missing + " does not exist");
    }
}
