package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.ZoneTables;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/** An entity's ods table and its {@code <entity>_current} view in the local engine, from the zone descriptor. */
class CurrentViewEngineTest {
    @TempDir
    Path dir;

    @Test
    void theLocalEngineShowsTheLatestVersionOfEveryEntity() throws Exception {
        Files.writeString(dir.resolve("claim.avsc"), """
                {"type":"record","name":"Claim","fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"},
                 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        Files.writeString(dir.resolve("expense.avsc"), """
                {"type":"record","name":"Expense","fields":[{"name":"expense_id","type":"string"},{"name":"amount","type":"double"},
                 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        Files.writeString(dir.resolve("fin.yaml"), """
                zone: fin
                owners: [a@example.com]
                steward: s@example.com
                datasets:
                  - {name: claims, schema: claim.avsc, keyField: id}
                entities:
                  - name: expense
                    schema: expense.avsc
                    key: expense_id
                    version: {eventTime: at}
                    sources:
                      - {dataset: claims, mappings: {expense_id: id}}
                """);
        ZoneDescriptor fin = DescriptorLoader.load(dir.resolve("fin.yaml"));
        TableModels models = new TableModels(new LakeLayout("lake"), new PartitionProjection(LocalDate.of(2024, 1, 1)));
        List<TableDefinition> tables = ZoneTables.of(fin, Set.of(Stage.ODS), models);
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.qualifiedName()).isEqualTo("fin_ods.expense");
            assertThat(t.properties()).containsEntry(CurrentViews.KEY_PROPERTY, "expense_id").containsEntry(CurrentViews.VERSION_PROPERTY, "at");
        });

        EntitySpec expense = fin.entity("expense").orElseThrow();
        Path lake = dir.resolve("lake");
        ParquetFilesAccess.write(lake.resolve("ods/fin/expense/dt=2024-05-01/fin.ods.expense+0+00000000000000000000.parquet"),
                expense.schema(), List.of(row(expense, "a", 10, 1_000), row(expense, "b", 5, 1_000), row(expense, "a", 11, 2_000)));
        ParquetFilesAccess.write(lake.resolve("ods/fin/expense/dt=2024-05-02/fin.ods.expense+0+00000000000000000003.parquet"),
                expense.schema(), List.of(row(expense, "a", 12, 90_000_000)));
        try (LocalSqlEngine engine = LocalSqlEngine.open(lake, TableDefinitions.of(tables))) {
            QueryResult current = engine.query("SELECT expense_id, amount, dt FROM fin_ods.expense_current ORDER BY expense_id");
            assertThat(current.rows()).containsExactly(List.of("a", 12.0, "2024-05-02"), List.of("b", 5.0, "2024-05-01"));
            assertThat(engine.query("SELECT count(*) AS n FROM fin_ods.expense").rows()).containsExactly(List.of(4L));
        }
    }

    private static GenericRecord row(EntitySpec entity, String id, double amount, long at) {
        GenericData.Record r = new GenericData.Record(entity.schema());
        r.put("expense_id", id);
        r.put("amount", amount);
        r.put("at", at);
        return r;
    }
}
