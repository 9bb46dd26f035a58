package io.tributary.catalog.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tributary.catalog.ExampleLake;
import io.tributary.catalog.LakeTableResolver;
import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.ResultComparison;
import io.tributary.catalog.SavedQueries;
import io.tributary.catalog.Schemas;
import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.TableDefinitions;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.RejectedRecords;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.model.TopicName;

/**
 * The figure for the docs: each saved query over N staged expense claims (60 days, files of up
 * to 50,000 rows as the sink rotates them) on each local engine; the median of five runs after
 * one warm-up. Runs only when asked: {@code -Dtributary.benchmark.rows=1000000} (with {@code -Ptrino}).
 */
@ExtendWith(TrinoExtension.class)
@EnabledIfSystemProperty(named = "tributary.benchmark.rows", matches = "[1-9][0-9]*")
class SavedQueryBenchmarkIT {

    @Test
    void savedQueriesOnBothEngines(LocalTrino trino) throws Exception {
        int rows = Integer.getInteger("tributary.benchmark.rows");
        Path lake = trino.lake();
        long writeStart = System.nanoTime();
        ExampleLake example = new ExampleLake(lake, 50_000);
        example.writeExpenses(rows, 60, 3, Schemas.expenses(), null, 0);
        example.writeRejected(rows / 20, 60, 3);
        System.out.printf("benchmark: wrote %,d claims and %,d rejects in %.1f s%n", rows, rows / 20, (System.nanoTime() - writeStart) / 1e9);

        TableModels models = TableModels.local();
        TableDefinition expenses = models.table(TopicName.parse("finance.staging.expenses"), Schemas.expenses(), PartitionScheme.DAILY);
        TableDefinition rejected = models.table(TopicName.parse("finance.rejected.expenses"), RejectedRecords.SCHEMA, PartitionScheme.DAILY);
        TableDefinitions declared = TableDefinitions.of(List.of(expenses, rejected));
        long openStart = System.nanoTime();
        Map<String, List<String>> differing = new LinkedHashMap<>();
        try (SqlEngine onTrino = TrinoSqlEngine.open(trino.config().jdbcUrl(), lake, new LakeTableResolver(declared, models))) {
            System.out.printf("benchmark: Trino tables in step in %.1f s (server started in %.1f s)%n", (System.nanoTime() - openStart) / 1e9,
                    trino.startup().toMillis() / 1000.0);
            openStart = System.nanoTime();
            try (SqlEngine onDuckDb = LocalSqlEngine.open(lake, declared)) {
                System.out.printf("benchmark: DuckDB views in %.1f s%n", (System.nanoTime() - openStart) / 1e9);
                // The generated lake holds staging and rejected expenses only.
                for (SavedQueries.Query q : SavedQueries.all().stream()
                        .filter(q -> !q.sql().contains("finance_ods.") && !q.sql().contains("finance_analytical.")).toList()) {
                    Duration duck = median(onDuckDb, q.sql());
                    Duration tri = median(onTrino, q.sql());
                    List<String> differences = ResultComparison.differences(onTrino.query(q.sql()), onDuckDb.query(q.sql()));
                    System.out.printf("benchmark: %-45s DuckDB %6d ms   Trino %6d ms   %s%n", q.name(), duck.toMillis(), tri.toMillis(),
                            differences.isEmpty() ? "same answer" : "DIFFERENT: " + differences);
                    if (!differences.isEmpty()) {
                        differing.put(q.name(), differences);
                    }
                }
            }
        }
        // Timings are the figure; the answers must still agree, or the figure compares different work.
        assertThat(differing).as("saved queries whose answers differ between Trino and DuckDB").isEmpty();
    }

    private static Duration median(SqlEngine engine, String sql) {
        engine.query(sql);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            engine.query(sql);
            times.add(System.nanoTime() - start);
        }
        times.sort(null);
        return Duration.ofNanos(times.get(2));
    }
}
