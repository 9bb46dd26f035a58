package io.tributary.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.Schemas;
import io.tributary.model.TopicName;

class TableEvolutionTest {
    private final TableModels models = TableModels.local();
    private final TopicName topic = TopicName.parse("finance.staging.expenses");

    @Test
    void addedFieldsAreAppendedAndOldColumnsKeepTheirPlace() {
        TableDefinition v1 = models.table(topic, Schemas.expenses(), PartitionScheme.DAILY);
        TableDefinition v2 = models.table(topic, Schemas.expensesV2(), PartitionScheme.DAILY);

        TableDefinition evolved = TableEvolution.evolve(v1, v2);

        assertThat(evolved.columns()).extracting(TableColumn::name).containsExactly("expense_id", "employee_id", "department", "amount",
                "currency", "category", "submitted_at", "description", "cost_center", "approval");
        assertThat(evolved.column("approval").orElseThrow().type().hive()).isEqualTo("struct<approver:string,approved_at:timestamp>");
        assertThat(TableEvolution.changes(v1, v2)).isTrue();
        assertThat(TableEvolution.changes(evolved, v2)).isFalse();
        assertThat(TableEvolution.changes(v2, v1)).as("a field dropped from the schema stays for older files").isFalse();
    }

    @Test
    void widensIntsAndFloatsAndStructsGainingFields() {
        ColumnType before = new ColumnType.ArrayOf(new ColumnType.Struct(List.of(new ColumnType.Field("qty", ColumnType.Primitive.INT))));
        ColumnType after = new ColumnType.ArrayOf(new ColumnType.Struct(List.of(new ColumnType.Field("sku", ColumnType.Primitive.STRING),
                new ColumnType.Field("qty", ColumnType.Primitive.BIGINT))));
        assertThat(TableEvolution.merge(before, after, "t.lines").hive()).isEqualTo("array<struct<qty:bigint,sku:string>>");
        assertThat(TableEvolution.merge(ColumnType.Primitive.FLOAT, ColumnType.Primitive.DOUBLE, "t.x")).isEqualTo(ColumnType.Primitive.DOUBLE);
    }

    @Test
    void anIncompatibleTypeChangeNamesTableAndColumn() {
        TableDefinition v1 = models.table(topic, Schemas.expenses(), PartitionScheme.DAILY);
        TableDefinition changed = v1.withColumns(v1.columns().stream()
                .map(c -> c.name().equals("amount") ? c.withType(ColumnType.Primitive.STRING) : c).toList());
        assertThatThrownBy(() -> TableEvolution.evolve(v1, changed))
                .isInstanceOf(IncompatibleChangeException.class)
                .hasMessageContaining("finance_staging.expenses column amount is decimal(12,2) but the new schema makes it string");
        assertThatThrownBy(() -> TableEvolution.merge(ColumnType.Primitive.BIGINT, ColumnType.Primitive.INT, "t.n"))
                .hasMessageContaining("t.n is bigint");
    }

    @Test
    void hiveTypeStringsReadBackToTheSameTypes() {
        for (TableColumn c : models.table(topic, Schemas.expensesV2(), PartitionScheme.DAILY).columns()) {
            assertThat(HiveTypes.parse(c.type().hive())).as(c.name()).isEqualTo(c.type());
        }
        ColumnType nested = HiveTypes.parse("map<string,array<struct<a:decimal(5,1),b:binary>>>");
        assertThat(nested.hive()).isEqualTo("map<string,array<struct<a:decimal(5,1),b:binary>>>");
        assertThatThrownBy(() -> HiveTypes.parse("struct<a:uniontype<int>>")).hasMessageContaining("unknown type 'uniontype'");
    }
}
