package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.RejectedRecords;
import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.model.TopicName;

/**
 * The DuckDB views generated from table definitions, over Parquet files written as the sink
 * writes them with two versions of a schema: columns, order and types are the definition's, and
 * files of the older version read the newer columns as NULL.
 */
class ModelViewsTest {
    @TempDir
    static Path lake;

    static final TableModels MODELS = TableModels.local();
    static final TableDefinition V1 = MODELS.table(TopicName.parse("finance.staging.expenses"), Schemas.expenses(), PartitionScheme.DAILY);
    static final TableDefinition V2 = MODELS.table(TopicName.parse("finance.staging.expenses"), Schemas.expensesV2(), PartitionScheme.DAILY);
    static final TableDefinition REJECTED = MODELS.table(TopicName.parse("finance.rejected.expenses"), RejectedRecords.SCHEMA,
            PartitionScheme.DAILY);

    @BeforeAll
    static void writeLake() throws Exception {
        ExampleLake example = new ExampleLake(lake, 30);
        // 200 claims over 4 days; days 3 and 4 (2024-01-03, 2024-01-04) written with version 2.
        example.writeExpenses(200, 4, 7, Schemas.expenses(), Schemas.expensesV2(), 2);
        example.writeRejected(40, 4, 7);
    }

    @Test
    void viewsHaveTheDefinitionsColumnsAndTypesInOrder() {
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake, TableDefinitions.of(List.of(V2, REJECTED)))) {
            QueryResult result = engine.query("SELECT * FROM finance_staging.expenses LIMIT 1");
            assertThat(result.columns()).extracting(c -> c.name() + " " + c.type()).containsExactly(
                    "expense_id VARCHAR", "employee_id VARCHAR", "department VARCHAR", "amount DECIMAL(12,2)", "currency VARCHAR",
                    "category VARCHAR", "submitted_at TIMESTAMP", "description VARCHAR", "cost_center VARCHAR",
                    "approval STRUCT(approver VARCHAR, approved_at TIMESTAMP)", "dt VARCHAR");
            assertThat(engine.query("SELECT * FROM finance_rejected.expenses LIMIT 1").columnNames())
                    .containsExactlyElementsOf(REJECTED.allColumns().stream().map(TableColumn::name).toList());
        }
    }

    @Test
    void olderFilesReadNewColumnsAsNullAndColumnsNoFileHasYetAreNull() {
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake, TableDefinitions.of(List.of(V2, REJECTED)))) {
            QueryResult byDay = engine.query("SELECT dt, count(*) AS claims, count(cost_center) AS with_cost_center,"
                    + " count(approval) AS approved FROM finance_staging.expenses GROUP BY dt ORDER BY dt");
            assertThat(byDay.rows()).containsExactly(
                    List.of("2024-01-01", 50L, 0L, 0L), List.of("2024-01-02", 50L, 0L, 0L),
                    List.of("2024-01-03", 50L, 50L, 0L), List.of("2024-01-04", 50L, 50L, 0L));
        }
    }

    @Test
    void timestampsAreUtcWallClockAndDecimalsExact() {
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake, TableDefinitions.of(List.of(V1)))) {
            QueryResult r = engine.query("SELECT min(submitted_at) AS first, max(submitted_at) AS last, min(amount) AS low"
                    + " FROM finance_staging.expenses WHERE dt = '2024-01-02'");
            assertThat((LocalDateTime) r.value(0, "first")).isAfterOrEqualTo(LocalDateTime.parse("2024-01-02T00:00:00"));
            assertThat((LocalDateTime) r.value(0, "last")).isBefore(LocalDateTime.parse("2024-01-03T00:00:00"));
            assertThat((BigDecimal) r.value(0, "low")).isGreaterThanOrEqualTo(new BigDecimal("1.00"));
        }
    }

    @Test
    void aDefinitionWithoutTheNewColumnDoesNotShowIt() {
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake, TableDefinitions.of(List.of(V1)))) {
            assertThat(engine.query("SELECT count(*) AS n FROM finance_staging.expenses").value(0, "n")).isEqualTo(200L);
            assertThatThrownBy(() -> engine.query("SELECT cost_center FROM finance_staging.expenses"))
                    .isInstanceOf(SqlQueryException.class).hasMessageContaining("cost_center");
        }
    }

    @Test
    void withoutDefinitionsTheFilesOwnColumnsShow() {
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake)) {
            QueryResult result = engine.query("SELECT * FROM finance_staging.expenses LIMIT 1");
            assertThat(result.columnNames()).contains("cost_center", "approval");
            assertThat(result.columns()).filteredOn(c -> c.name().equals("submitted_at")).extracting(Column::type)
                    .containsExactly("TIMESTAMP WITH TIME ZONE");
        }
    }
}
