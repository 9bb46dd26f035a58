package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary catalog ddl` and `tributary sql` on the embedded engine, over a lake folder laid out
 * as the local S3 server keeps it (data dir {@code s3/lake/<stage>/<zone>/<dataset>/dt=.../}).
 */
class CatalogAndSqlCommandTest extends CliCommandTest {
    private static final Path ZONES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();

    @TempDir
    Path data;

    @BeforeEach
    void lake() throws SQLException, IOException {
        Path day = data.resolve("s3/lake/staging/finance/expenses/dt=2024-01-15");
        Files.createDirectories(day);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('e1', 'E1', 'sales', 12.50::DECIMAL(12,2), 'EUR', 'MEALS',"
                    + " TIMESTAMPTZ '2024-01-15 10:00:00+00', NULL), ('e2', 'E2', 'hr', 7.25::DECIMAL(12,2), 'EUR', 'TRAVEL',"
                    + " TIMESTAMPTZ '2024-01-15 11:00:00+00', 'taxi, airport')) t(expense_id, employee_id, department, amount, currency,"
                    + " category, submitted_at, description)) TO '" + day.resolve("finance.staging.expenses+0+00000000000000000000.parquet")
                    + "' (FORMAT parquet)");
        }
    }

    @Test
    void ddlPrintsAthenaAndTrinoFormsOfTheZonesTables() {
        assertThat(run("catalog", "ddl", "finance", "--zones", ZONES.toString(), "--bucket", "acme-lake")).isZero();
        assertThat(out.toString())
                .contains("-- finance_staging.expenses for Athena (Glue Data Catalog)",
                        "CREATE EXTERNAL TABLE IF NOT EXISTS `finance_staging`.`expenses` (",
                        "LOCATION 's3://acme-lake/staging/finance/expenses/'",
                        "'projection.enabled'='true'",
                        "CREATE TABLE IF NOT EXISTS \"finance_rejected\".\"expenses\" (",
                        "external_location = 's3://acme-lake/rejected/finance/expenses/'",
                        "partitioned_by = ARRAY['dt']",
                        "CALL system.sync_partition_metadata(schema_name => 'finance_staging'");
    }

    @Test
    void ddlPrintsTheOdsTablesWithTheirCurrentViews() {
        assertThat(run("catalog", "ddl", "finance", "--zones", ZONES.toString(), "--stage", "ods,analytical")).isZero();
        assertThat(out.toString())
                .contains("CREATE EXTERNAL TABLE IF NOT EXISTS `finance_ods`.`expense` (",
                        "-- finance_ods.expense_current: the latest row per key",
                        "CREATE OR REPLACE VIEW \"finance_ods\".\"expense_current\" AS",
                        "PARTITION BY \"expense_id\" ORDER BY \"submitted_at\" DESC",
                        "CREATE EXTERNAL TABLE IF NOT EXISTS `finance_analytical`.`expense_facts` (")
                .doesNotContain("finance_staging", "expense_facts_current");
    }

    @Test
    void ddlRefusesLandingAndUnknownZonesWithTheReason() {
        assertThat(run("catalog", "ddl", "finance", "--zones", ZONES.toString(), "--stage", "landing")).isEqualTo(1);
        assertThat(err.toString()).contains("landing holds unapproved raw data and is never catalogued").doesNotContain("Exception");
        assertThat(run("catalog", "ddl", "audit", "--zones", ZONES.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no zone 'audit'", "zones there: [finance, hr]");
    }

    @Test
    void ddlNamesTheFieldAthenaCannotRepresent(@TempDir Path zones) throws IOException {
        Files.writeString(zones.resolve("odd.avsc"), "{\"type\":\"record\",\"name\":\"Odd\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"value\",\"type\":[\"null\",\"string\",\"long\"]}]}");
        Files.writeString(zones.resolve("odd.yaml"), """
                zone: odd
                owners: [a@example.com]
                steward: s@example.com
                datasets:
                  - name: things
                    schema: odd.avsc
                    keyField: id
                """);
        assertThat(run("catalog", "ddl", "odd", "--zones", zones.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot make a table of odd.staging.things: field 'value': Athena has no union type");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void sqlPrintsTablesCsvAndJson() {
        String sql = "SELECT expense_id, amount, submitted_at, description FROM finance_staging.expenses ORDER BY expense_id";
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(), "--engine", "duckdb", sql)).isZero();
        assertThat(out.toString()).contains(" expense_id | amount | submitted_at        | description", " e1         |  12.50 | 2024-01-15 10:00:00 | NULL",
                "(2 rows)");

        out.getBuffer().setLength(0);
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(), "--format", "csv", sql)).isZero();
        assertThat(out.toString()).isEqualTo("""
                expense_id,amount,submitted_at,description
                e1,12.50,"2024-01-15 10:00:00",
                e2,7.25,"2024-01-15 11:00:00","taxi, airport"
                """);

        out.getBuffer().setLength(0);
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(), "--format", "json", sql)).isZero();
        assertThat(out.toString()).startsWith(
                "{\"expense_id\":\"e1\",\"amount\":12.50,\"submitted_at\":\"2024-01-15T10:00\",\"description\":null}");
    }

    @Test
    void sqlRunsASavedQueryFile() {
        Path query = ZONES.getParent().resolve("queries/finance/spend_per_department_per_month.sql");
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(), "-f", query.toString())).isZero();
        assertThat(out.toString()).contains(" hr         | 2024-01 | EUR      |      1 |  7.25 |    7.25");
    }

    @Test
    void aQueryErrorIsTheEnginesMessageAndExitsNonZero() {
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(), "SELECT nope FROM finance_staging.expenses")).isEqualTo(1);
        assertThat(err.toString()).contains("error: Query failed: Binder Error: Referenced column \"nope\" not found").doesNotContain("at io.");
        // Nothing was affected: a good query on the same lake right after answers in full.
        out.getBuffer().setLength(0);
        assertThat(run("sql", "--data-dir", data.toString(), "--zones", ZONES.toString(),
                "SELECT count(*) AS claims, sum(amount) AS total FROM finance_staging.expenses")).isZero();
        assertThat(out.toString()).contains(" claims | total", "      2 | 19.75", "(1 row)");
        assertThat(run("sql", "--data-dir", data.toString(), "--format", "xml", "SELECT 1")).isEqualTo(1);
        assertThat(err.toString()).contains("--format 'xml' is not a format: table, csv or json");
        assertThat(run("sql", "--data-dir", data.toString(), "--engine", "presto", "SELECT 1")).isEqualTo(1);
        assertThat(err.toString()).contains("--engine 'presto' is not an engine: duckdb or trino");
    }
}
