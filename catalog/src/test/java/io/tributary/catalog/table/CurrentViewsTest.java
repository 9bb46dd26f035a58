package io.tributary.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.tributary.model.TopicName;

/** The {@code <entity>_current} view: its statement, and the latest row per key when DuckDB runs it over a change log. */
class CurrentViewsTest {
    private static final Schema EXPENSE = new Schema.Parser().parse("""
            {"type":"record","name":"Expense","fields":[
              {"name":"expense_id","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"submitted_at","type":"long"}]}""");

    private final TableModels models = new TableModels(new LakeLayout("lake"), new PartitionProjection(LocalDate.of(2024, 1, 1)));
    private final TableDefinition ods = models.table(TopicName.parse("fin.ods.expense"), EXPENSE, PartitionScheme.DAILY);

    @Test
    void theViewKeepsTheGreatestVersionOfEveryKey() throws Exception {
        String view = CurrentViews.createView(ods, "expense_id", "submitted_at");
        assertThat(view).startsWith("CREATE OR REPLACE VIEW \"fin_ods\".\"expense_current\" AS")
                .contains("PARTITION BY \"expense_id\" ORDER BY \"submitted_at\" DESC");

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA fin_ods");
            s.execute("CREATE TABLE fin_ods.expense (expense_id VARCHAR, amount DOUBLE, submitted_at BIGINT, dt VARCHAR)");
            s.execute("INSERT INTO fin_ods.expense VALUES ('a', 10, 1, '2024-05-01'), ('a', 11, 3, '2024-05-02'), ('b', 5, 2, '2024-05-01'),"
                    + " ('a', 12, 2, '2024-05-01')");
            s.execute(view);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT * FROM fin_ods.expense_current ORDER BY expense_id")) {
                assertThat(r.getMetaData().getColumnCount()).isEqualTo(4);
                while (r.next()) {
                    rows.add(r.getString("expense_id") + " " + r.getDouble("amount") + " " + r.getString("dt"));
                }
            }
            assertThat(rows).containsExactly("a 11.0 2024-05-02", "b 5.0 2024-05-01");
        }
    }

    @Test
    void aKeyOrVersionTheTableDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> CurrentViews.createView(ods, "id", "submitted_at"))
                .hasMessageContaining("table fin_ods.expense has no column id");
    }
}
