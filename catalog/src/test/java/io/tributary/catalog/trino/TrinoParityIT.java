package io.tributary.catalog.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.AllTypes;
import io.tributary.catalog.AthenaFunctionCases;
import io.tributary.catalog.ExampleLake;
import io.tributary.catalog.LakeTableResolver;
import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.ParquetFilesAccess;
import io.tributary.catalog.QueryResult;
import io.tributary.catalog.ResultComparison;
import io.tributary.catalog.SavedQueries;
import io.tributary.catalog.Schemas;
import io.tributary.catalog.SqlQueryException;
import io.tributary.catalog.TableDefinitions;
import io.tributary.catalog.TablePrinter;
import io.tributary.catalog.ddl.TrinoDdl;
import io.tributary.catalog.glue.GlueTables;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.RejectedRecords;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.ZoneTables;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.model.ZoneDescriptor;

/**
 * The generated DDL executed by a real Trino 476 (Athena's engine) over Parquet files in the
 * local S3 server, and the same lake queried through the local DuckDB engine: both answer every
 * saved query, every Athena function case, every column type and both schema versions alike.
 */
@ExtendWith(TrinoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoParityIT {
    private static final TableModels MODELS = TableModels.local();
    /** Version 2 of expenses: files of the first 10 of 14 days were written with version 1. */
    private static final TableDefinition EXPENSES = MODELS.table(TopicName.parse("finance.staging.expenses"), Schemas.expensesV2(),
            PartitionScheme.DAILY);
    private static final TableDefinition REJECTED = MODELS.table(TopicName.parse("finance.rejected.expenses"), RejectedRecords.SCHEMA,
            PartitionScheme.DAILY);
    private static final TableDefinition ALL_TYPES = MODELS.table(TopicName.parse("test.staging.all_types"), AllTypes.SCHEMA,
            PartitionScheme.DAILY);

    private LocalTrino trino;
    private TrinoSqlEngine onTrino;
    private LocalSqlEngine onDuckDb;

    @BeforeAll
    void writeLakeAndOpenBothEngines(LocalTrino trino) throws IOException {
        this.trino = trino;
        Path lake = trino.lake();
        ExampleLake example = new ExampleLake(lake, 500);
        example.writeExpenses(3_000, 14, 11, Schemas.expenses(), Schemas.expensesV2(), 10);
        example.writeRejected(400, 14, 11);
        ParquetFilesAccess.write(lake.resolve("staging/test/all_types/dt=2024-01-15/test.staging.all_types+0+00000000000000000000.parquet"),
                AllTypes.SCHEMA, AllTypes.rows());
        ZoneDescriptor finance = DescriptorLoader.loadDirectory(Schemas.home().resolve("examples/zones")).stream()
                .filter(z -> z.zone().equals("finance")).findFirst().orElseThrow();
        List<TableDefinition> derived = ZoneTables.of(finance, Set.of(Stage.ODS, Stage.ANALYTICAL), MODELS);
        example.writeOdsAndAnalytical(1_200, 14, 13, finance.entity("expense").orElseThrow().schema(),
                finance.analytical().get(0).schema(), finance.analytical().get(1).schema());
        List<TableDefinition> all = new ArrayList<>(List.of(EXPENSES, REJECTED, ALL_TYPES));
        all.addAll(derived);
        TableDefinitions declared = TableDefinitions.of(all);
        onTrino = TrinoSqlEngine.open(trino.config().jdbcUrl(), lake, new LakeTableResolver(declared, MODELS));
        onDuckDb = LocalSqlEngine.open(lake, declared);
    }

    @AfterAll
    void close() {
        if (onTrino != null) {
            onTrino.close();
        }
        if (onDuckDb != null) {
            onDuckDb.close();
        }
    }

    @Test
    void trinoCreatedTheTablesFromTheGeneratedDdl() {
        assertThat(onTrino.tables()).extracting(t -> t.qualifiedName())
                .containsExactlyInAnyOrder("finance_rejected.expenses", "finance_staging.expenses", "test_staging.all_types",
                        "finance_ods.expense", "finance_analytical.expense_facts", "finance_analytical.monthly_spend_by_department");
        assertThat(onTrino.unavailableTables()).isEmpty();
        QueryResult columns = onTrino.query("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'finance_staging' AND table_name = 'expenses' ORDER BY ordinal_position");
        assertThat(columns.rows()).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("expense_id varchar", "employee_id varchar",
                "department varchar", "amount decimal(12,2)", "currency varchar", "category varchar", "submitted_at timestamp(3)",
                "description varchar", "cost_center varchar", "approval row(approver varchar, approved_at timestamp(3))", "dt varchar");
    }

    @Test
    void everyColumnTypeReadsTheSameOnBothEngines() {
        String sql = "SELECT * FROM test_staging.all_types ORDER BY id";
        QueryResult trinoRows = onTrino.query(sql);
        QueryResult duckRows = onDuckDb.query(sql);
        assertThat(ResultComparison.differences(trinoRows, duckRows)).isEmpty();
        assertThat(trinoRows.rowCount()).isEqualTo(2);
        Map<String, String> first = new TreeMap<>();
        for (String column : trinoRows.columnNames()) {
            first.put(column, TablePrinter.format(trinoRows.value(0, column)));
        }
        assertThat(first).containsEntry("price", "1234.56").containsEntry("rate", "-98.765432").containsEntry("day", "2024-01-15")
                .containsEntry("at_millis", "2024-01-15 10:11:12.345").containsEntry("at_micros", "2024-01-15 10:11:12.345")
                .containsEntry("local_at", "2024-01-15 10:11:12.345").containsEntry("kind", "MEALS")
                .containsEntry("digest", "\\xcafe0001").containsEntry("tags", "[x, y]").containsEntry("counts", "{k: 1}")
                .containsEntry("address", "{city: Paris, zip: 75001}").containsEntry("lines", "[{sku: s1, qty: 3}]")
                .containsEntry("approved_at", "2024-01-15 12:00:00").containsEntry("dt", "2024-01-15");
        assertThat(TablePrinter.format(trinoRows.value(1, "note"))).isEqualTo("NULL");
    }

    static Stream<SavedQueries.Query> savedQueries() {
        return SavedQueries.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("savedQueries")
    void everySavedQueryAnswersTheSameOnBothEngines(SavedQueries.Query query) {
        QueryResult trinoRows = onTrino.query(query.sql());
        QueryResult duckRows = onDuckDb.query(query.sql());
        assertThat(trinoRows.rowCount()).as("rows of " + query.name()).isPositive();
        assertThat(ResultComparison.differences(trinoRows, duckRows)).as(query.name()).isEmpty();
    }

    static List<AthenaFunctionCases.Case> functionCases() {
        return AthenaFunctionCases.CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionCases")
    void athenaFunctionCasesAreTrinosAnswers(AthenaFunctionCases.Case c) {
        assertThat(TablePrinter.format(onTrino.query(c.sql()).rows().get(0).get(0))).isEqualTo(c.expected());
    }

    @Test
    void olderFilesReadTheAddedColumnsAsNullOnBothEngines() {
        String sql = "SELECT dt, count(*) AS claims, count(cost_center) AS with_cost_center, count(approval) AS approved"
                + " FROM finance_staging.expenses GROUP BY dt ORDER BY dt";
        QueryResult trinoRows = onTrino.query(sql);
        assertThat(ResultComparison.differences(trinoRows, onDuckDb.query(sql))).isEmpty();
        assertThat(trinoRows.rowCount()).isEqualTo(14);
        assertThat(trinoRows.rows().subList(0, 10)).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(0L));
        assertThat(trinoRows.rows().subList(10, 14)).allSatisfy(r -> assertThat((Long) r.get(2)).isEqualTo((Long) r.get(1)));
    }

    @Test
    void athenaPartitionProjectionFindsTheSamePartitions() throws Exception {
        // The same table with Athena's projection properties (from 2024-01-01), in a schema of its own.
        TableDefinition projected = new TableModels(LakeLayout.LOCAL, new PartitionProjection(LocalDate.of(2024, 1, 1)))
                .table(TopicName.parse("projected.staging.expenses"), Schemas.expensesV2(), PartitionScheme.DAILY);
        TableDefinition atExpenses = new TableDefinition(projected.database(), projected.table(), projected.description(),
                projected.columns(), projected.partitions(), EXPENSES.location(),
                new PartitionProjection(LocalDate.of(2024, 1, 1)).properties(PartitionScheme.DAILY, EXPENSES.location()));
        try (Connection admin = TrinoConnections.open(trino.config().jdbcUrl(), TrinoServerConfig.ADMIN); Statement s = admin.createStatement()) {
            s.execute(TrinoDdl.createSchema(atExpenses.database()));
            s.execute(TrinoDdl.createTable(atExpenses, true));
        }
        String where = " WHERE dt BETWEEN '2024-01-01' AND '2024-01-31'";
        assertThat(onTrino.query("SELECT count(*) AS n FROM projected_staging.expenses" + where).value(0, "n"))
                .isEqualTo(onTrino.query("SELECT count(*) AS n FROM finance_staging.expenses" + where).value(0, "n"))
                .isEqualTo(3_000L);

        // What Trino stored for the projection is exactly what the Glue table gets (Athena's property names and values).
        JsonNode stored = new ObjectMapper().readTree(trino.config().metastore().resolve("projected_staging/expenses/.trinoSchema").toFile());
        Map<String, String> glueParameters = GlueTables.tableInput(atExpenses, Map.of()).parameters();
        glueParameters.forEach((key, value) -> {
            if (key.startsWith("projection.") || key.equals("storage.location.template")) {
                assertThat(stored.path("parameters").path(key).asText()).as(key).isEqualToIgnoringCase(value);
            }
        });
        assertThat(stored.path("tableType").asText()).isEqualTo("EXTERNAL_TABLE");
    }

    @Test
    void aBadQueryShowsTrinosMessagePlainly() {
        assertThatThrownBy(() -> onTrino.query("SELECT nope FROM finance_staging.expenses"))
                .isInstanceOf(SqlQueryException.class)
                .hasMessage("Query failed: line 1:8: Column 'nope' cannot be resolved");
        assertThatThrownBy(() -> onTrino.query("SELECT * FROM finance_staging.nothing"))
                .hasMessageStartingWith("Query failed: line 1:15: Table 'hive.finance_staging.nothing' does not exist")
                .hasMessageContaining("finance_ods.expense, finance_rejected.expenses, finance_staging.expenses");
        assertThat(onTrino.query("SELECT count(*) AS n FROM finance_rejected.expenses").value(0, "n")).isEqualTo(400L);
    }

    @Test
    void analystsCannotWriteThroughTrino() {
        assertThatThrownBy(() -> onTrino.query("DROP TABLE finance_staging.expenses"))
                .isInstanceOf(SqlQueryException.class).hasMessageContaining("Access Denied");
        assertThatThrownBy(() -> onTrino.query("CREATE TABLE finance_staging.copy AS SELECT * FROM finance_staging.expenses"))
                .hasMessageContaining("Access Denied");
        assertThat(onTrino.query("SELECT count(*) AS n FROM finance_staging.expenses").value(0, "n")).isEqualTo(3_000L);
        assertThat(Files.exists(trino.lake().resolve("staging/finance/copy"))).isFalse();
    }
}
