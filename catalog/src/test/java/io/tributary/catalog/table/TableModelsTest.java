package io.tributary.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.Schemas;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;

class TableModelsTest {
    private final TableModels models = new TableModels(new LakeLayout("acme-lake"), new PartitionProjection(LocalDate.of(2024, 1, 1)));

    @Test
    void expensesTableHasTheSchemasColumnsThenDtAtTheDatasetFolder() {
        TableDefinition table = models.table(TopicName.parse("finance.staging.expenses"), Schemas.expenses(), PartitionScheme.DAILY);

        assertThat(table.database()).isEqualTo("finance_staging");
        assertThat(table.table()).isEqualTo("expenses");
        assertThat(table.location()).isEqualTo("s3://acme-lake/staging/finance/expenses/");
        assertThat(table.columns()).extracting(TableColumn::name).containsExactly("expense_id", "employee_id", "department", "amount",
                "currency", "category", "submitted_at", "description");
        assertThat(table.allColumns()).extracting(c -> c.name() + " " + c.type().hive()).endsWith("description string", "dt string");
        assertThat(table.column("amount").orElseThrow().type()).isEqualTo(new ColumnType.Decimal(12, 2));
        assertThat(table.column("expense_id").orElseThrow().comment()).isEqualTo("Claim number, unique across the company");
        assertThat(table.description()).isEqualTo("An expense claim submitted by an employee.");
    }

    @Test
    void dailyTablesProjectTheirDatesSoNewPartitionsNeedNoRegistration() {
        TableDefinition table = models.table(TopicName.parse("finance.staging.expenses"), Schemas.expenses(), PartitionScheme.DAILY);
        assertThat(table.projected()).isTrue();
        assertThat(table.properties()).containsExactly(
                entry("projection.enabled", "true"),
                entry("projection.dt.type", "date"),
                entry("projection.dt.format", "yyyy-MM-dd"),
                entry("projection.dt.range", "2024-01-01,NOW"),
                entry("projection.dt.interval", "1"),
                entry("projection.dt.interval.unit", "DAYS"),
                entry("storage.location.template", "s3://acme-lake/staging/finance/expenses/dt=${dt}"));
    }

    @Test
    void hourlyTablesProjectHoursToo() {
        TableDefinition table = models.table(TopicName.parse("audit.ods.logins"), Schemas.expenses(), PartitionScheme.HOURLY);
        assertThat(table.partitions().columns()).containsExactly("dt", "hr");
        assertThat(table.properties()).contains(entry("projection.hr.type", "integer"), entry("projection.hr.range", "0,23"),
                entry("projection.hr.digits", "2"),
                entry("storage.location.template", "s3://acme-lake/ods/audit/logins/dt=${dt}/hr=${hr}"));
    }

    @Test
    void partitionsByValueAreNotProjected() {
        TableDefinition table = models.table(TopicName.parse("finance.analytical.spend"), Schemas.expenses(),
                PartitionScheme.ofPath("region=emea"));
        assertThat(table.projected()).isFalse();
        assertThat(table.properties()).isEmpty();
        assertThat(table.partitionColumns()).extracting(TableColumn::name).containsExactly("region");
    }

    @Test
    void rejectedTablesHaveTheRejectedRecordShapeWhateverTheDataset() {
        TableDefinition table = models.table(TopicName.parse("finance.rejected.expenses"), RejectedRecords.SCHEMA, PartitionScheme.DAILY);
        assertThat(table.database()).isEqualTo("finance_rejected");
        assertThat(table.allColumns()).extracting(TableColumn::name).containsExactly("reason", "rule", "field", "message",
                "source_topic", "source_partition", "source_offset", "batch_id", "rejected_at", "record_key", "record_value", "dt");
    }

    @Test
    void landingIsNeverCatalogued() {
        assertThatThrownBy(() -> models.table(TopicName.of("finance", Stage.LANDING, "expenses"), Schemas.expenses(), PartitionScheme.DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never catalogued");
    }

    @Test
    void aFieldNamedLikeAPartitionColumnIsRefused() {
        var schema = new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"dt\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> models.table(TopicName.parse("finance.staging.x"), schema, PartitionScheme.DAILY))
                .isInstanceOf(UnsupportedSchemaException.class).hasMessageContaining("field 'dt'");
    }

    @Test
    void partitionPathsNameTheirScheme() {
        assertThat(PartitionScheme.ofPath("dt=2024-01-01")).isEqualTo(PartitionScheme.DAILY);
        assertThat(PartitionScheme.ofPath("dt=2024-01-01/hr=07")).isEqualTo(PartitionScheme.HOURLY);
        assertThat(PartitionScheme.ofPath("department=sales").kind()).isEqualTo(PartitionScheme.Kind.VALUE);
        assertThatThrownBy(() -> PartitionScheme.ofPath("2024-01-01")).hasMessageContaining("not <column>=<value>");
    }
}
