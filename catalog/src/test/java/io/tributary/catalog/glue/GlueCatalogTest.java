package io.tributary.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.CommittedPartitions;
import io.tributary.catalog.LakeCatalog.TableChange;
import io.tributary.catalog.Schemas;
import io.tributary.catalog.table.IncompatibleChangeException;
import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.model.TopicName;

/**
 * The Glue catalog's requests, built by the AWS SDK and sent to a local endpoint that records
 * them, checked against the Glue API model and for what they say.
 */
class GlueCatalogTest {
    private static final TopicName EXPENSES = TopicName.parse("finance.staging.expenses");

    private final TableModels models = TableModels.local();
    private final GlueApiModel api = new GlueApiModel();
    private RecordingGlueEndpoint endpoint;
    private GlueCatalog catalog;

    @BeforeEach
    void start() throws Exception {
        endpoint = new RecordingGlueEndpoint();
        catalog = GlueCatalog.create(GlueSettings.from(Map.of(GlueSettings.ENDPOINT, endpoint.uri().toString(),
                GlueSettings.REGION, "eu-west-1", GlueSettings.ACCESS_KEY_ID, "AKIDTEST", GlueSettings.SECRET_ACCESS_KEY, "secret",
                GlueSettings.CATALOG_ID, "123456789012")));
    }

    @AfterEach
    void stop() {
        catalog.close();
        endpoint.close();
    }

    private TableDefinition expenses(Schema schema) {
        return models.table(EXPENSES, schema, PartitionScheme.DAILY);
    }

    @Test
    void createsTheDatabaseAndAnExternalParquetTableWithProjection() {
        assertThat(catalog.ensureTable(expenses(Schemas.expenses()))).isEqualTo(TableChange.CREATED);

        assertThat(endpoint.operations()).containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable");
        everyRequestConformsToTheApiModel();
        JsonNode create = endpoint.requests.get(3).body();
        assertThat(create.path("CatalogId").asText()).isEqualTo("123456789012");
        assertThat(create.path("DatabaseName").asText()).isEqualTo("finance_staging");
        JsonNode table = create.path("TableInput");
        assertThat(table.path("Name").asText()).isEqualTo("expenses");
        assertThat(table.path("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.path("PartitionKeys").toString()).isEqualTo("[{\"Name\":\"dt\",\"Type\":\"string\"}]");
        assertThat(table.path("Parameters").path("EXTERNAL").asText()).isEqualTo("TRUE");
        assertThat(table.path("Parameters").path("classification").asText()).isEqualTo("parquet");
        assertThat(table.path("Parameters").path("projection.enabled").asText()).isEqualTo("true");
        assertThat(table.path("Parameters").path("projection.dt.range").asText()).isEqualTo("2020-01-01,NOW");
        assertThat(table.path("Parameters").path("storage.location.template").asText())
                .isEqualTo("s3://lake/staging/finance/expenses/dt=${dt}");
        JsonNode sd = table.path("StorageDescriptor");
        assertThat(sd.path("Location").asText()).isEqualTo("s3://lake/staging/finance/expenses/");
        assertThat(sd.path("InputFormat").asText()).isEqualTo(GlueTables.INPUT_FORMAT);
        assertThat(sd.path("OutputFormat").asText()).isEqualTo(GlueTables.OUTPUT_FORMAT);
        assertThat(sd.path("SerdeInfo").path("SerializationLibrary").asText()).isEqualTo(GlueTables.SERDE);
        assertThat(columns(sd)).containsExactly("expense_id string", "employee_id string", "department string", "amount decimal(12,2)",
                "currency string", "category string", "submitted_at timestamp", "description string");
        assertThat(sd.path("Columns").get(0).path("Comment").asText()).isEqualTo("Claim number, unique across the company");
    }

    @Test
    void requestsAreSignedForGlueInTheConfiguredRegion() {
        catalog.ensureTable(expenses(Schemas.expenses()));
        for (RecordingGlueEndpoint.Recorded r : endpoint.requests) {
            assertThat(r.header("X-Amz-Target")).isEqualTo(api.targetPrefix() + "." + r.operation());
            assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
            assertThat(r.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                    .contains("/eu-west-1/glue/aws4_request");
        }
    }

    @Test
    void theSameSchemaAgainChangesNothing() {
        catalog.ensureTable(expenses(Schemas.expenses()));
        endpoint.requests.clear();

        assertThat(catalog.ensureTable(expenses(Schemas.expenses()))).isEqualTo(TableChange.UNCHANGED);
        assertThat(endpoint.operations()).containsExactly("GetDatabase", "GetTable");
    }

    @Test
    void aSchemaThatGainsFieldsEvolvesTheTableKeepingOthersParameters() {
        catalog.ensureTable(expenses(Schemas.expenses()));
        // Someone else (Lake Formation, an operator) tags the table; an evolution must keep that.
        endpoint.tables.get("finance_staging.expenses").with("Parameters").put("owner_team", "finance-data");
        endpoint.requests.clear();

        assertThat(catalog.ensureTable(expenses(Schemas.expensesV2()))).isEqualTo(TableChange.EVOLVED);

        assertThat(endpoint.operations()).containsExactly("GetDatabase", "GetTable", "UpdateTable");
        everyRequestConformsToTheApiModel();
        JsonNode update = endpoint.requests.get(2).body().path("TableInput");
        assertThat(columns(update.path("StorageDescriptor"))).endsWith("description string", "cost_center string",
                "approval struct<approver:string,approved_at:timestamp>");
        assertThat(update.path("Parameters").path("owner_team").asText()).isEqualTo("finance-data");
        assertThat(update.path("Parameters").path("projection.enabled").asText()).isEqualTo("true");

        // The older schema again (a file written before the evolution) does not take the new columns away.
        endpoint.requests.clear();
        assertThat(catalog.ensureTable(expenses(Schemas.expenses()))).isEqualTo(TableChange.UNCHANGED);
        assertThat(endpoint.operations()).doesNotContain("UpdateTable");
    }

    @Test
    void anEntitysOdsTableGetsItsCurrentViewAsAthenaKeepsViews() throws Exception {
        TopicName expense = TopicName.parse("finance.ods.expenses");
        CommittedPartitions hook = new CommittedPartitions(catalog, models,
                Map.of(CurrentViews.KEY_PROPERTY, "expense_id", CurrentViews.VERSION_PROPERTY, "submitted_at"));

        hook.committed(expense, "s3://acme-lake/ods/finance/expenses/", "dt=2024-05-01", Schemas.expenses());

        assertThat(endpoint.operations()).containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable", "GetTable", "CreateTable");
        everyRequestConformsToTheApiModel();
        JsonNode view = endpoint.requests.get(5).body().path("TableInput");
        assertThat(endpoint.requests.get(5).body().path("DatabaseName").asText()).isEqualTo("finance_ods");
        assertThat(view.path("Name").asText()).isEqualTo("expenses_current");
        assertThat(view.path("TableType").asText()).isEqualTo("VIRTUAL_VIEW");
        assertThat(view.path("Parameters").path("presto_view").asText()).isEqualTo("true");
        assertThat(view.path("ViewExpandedText").asText()).isEqualTo("/* Presto View */");
        assertThat(columns(view.path("StorageDescriptor"))).startsWith("expense_id string").endsWith("dt string");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(GlueViews.decode(view.path("ViewOriginalText").asText()));
        assertThat(json.path("catalog").asText()).isEqualTo("awsdatacatalog");
        assertThat(json.path("schema").asText()).isEqualTo("finance_ods");
        assertThat(json.path("originalSql").asText()).startsWith("SELECT \"expense_id\"")
                .contains("PARTITION BY \"expense_id\" ORDER BY \"submitted_at\" DESC")
                .contains("FROM \"finance_ods\".\"expenses\"").doesNotContain("CREATE");
        assertThat(json.path("columns").toString()).contains("{\"name\":\"amount\",\"type\":\"decimal(12,2)\"}")
                .endsWith("{\"name\":\"dt\",\"type\":\"varchar\"}]");
        // The table carries the key and version the view was made from.
        JsonNode table = endpoint.requests.get(3).body().path("TableInput");
        assertThat(table.path("Parameters").path(CurrentViews.KEY_PROPERTY).asText()).isEqualTo("expense_id");

        // The same table again: the view is checked, not rewritten.
        endpoint.requests.clear();
        new CommittedPartitions(catalog, models, Map.of(CurrentViews.KEY_PROPERTY, "expense_id", CurrentViews.VERSION_PROPERTY,
                "submitted_at")).committed(expense, "s3://acme-lake/ods/finance/expenses/", "dt=2024-05-02", Schemas.expenses());
        assertThat(endpoint.operations()).containsExactly("GetDatabase", "GetTable", "GetTable");

        // The table gains columns: the view follows, listing them.
        endpoint.requests.clear();
        hook.committed(expense, "s3://acme-lake/ods/finance/expenses/", "dt=2024-05-03", Schemas.expensesV2());
        assertThat(endpoint.operations()).containsExactly("GetDatabase", "GetTable", "UpdateTable", "GetTable", "UpdateTable");
        everyRequestConformsToTheApiModel();
        JsonNode replaced = endpoint.requests.get(4).body().path("TableInput");
        assertThat(replaced.path("Name").asText()).isEqualTo("expenses_current");
        assertThat(GlueViews.decode(replaced.path("ViewOriginalText").asText())).contains("\"cost_center\"");
    }

    @Test
    void aViewOnAKeyTheTableDoesNotHaveIsRefusedNamingTheColumn() {
        TableDefinition table = expenses(Schemas.expenses());
        assertThatThrownBy(() -> GlueViews.currentView(table, "claim_id", "submitted_at"))
                .hasMessageContaining("table finance_staging.expenses has no column claim_id");
    }

    @Test
    void anIncompatibleChangeIsRefusedAndTheTableLeftAsItWas() {
        catalog.ensureTable(expenses(Schemas.expenses()));
        Schema amountAsText = new Schema.Parser().parse(Schemas.expenses().toString()
                .replace("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}", "\"string\""));
        endpoint.requests.clear();

        assertThatThrownBy(() -> catalog.ensureTable(expenses(amountAsText)))
                .isInstanceOf(IncompatibleChangeException.class)
                .hasMessageContaining("finance_staging.expenses column amount is decimal(12,2)");
        assertThat(endpoint.operations()).doesNotContain("UpdateTable");
    }

    @Test
    void theSinkHookCataloguesEachSchemaOnceAndRegistersPartitionsThatAreNotProjected() {
        CommittedPartitions hook = new CommittedPartitions(catalog, models);
        String location = "s3://acme-lake/staging/finance/expenses/";

        hook.committed(EXPENSES, location, "dt=2024-05-01", Schemas.expenses());
        hook.committed(EXPENSES, location, "dt=2024-05-02", Schemas.expenses());
        assertThat(endpoint.operations()).containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable");
        assertThat(endpoint.requests.get(3).body().path("TableInput").path("StorageDescriptor").path("Location").asText())
                .isEqualTo(location);

        hook.committed(EXPENSES, location, "dt=2024-05-03", Schemas.expensesV2());
        assertThat(endpoint.operations()).endsWith("UpdateTable");

        endpoint.requests.clear();
        TopicName spend = TopicName.parse("finance.analytical.spend_by_region");
        hook.committed(spend, "s3://acme-lake/analytical/finance/spend_by_region/", "region=emea", Schemas.expenses());
        hook.committed(spend, "s3://acme-lake/analytical/finance/spend_by_region/", "region=emea", Schemas.expenses());
        assertThat(endpoint.operations()).containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable",
                "CreatePartition", "CreatePartition");
        everyRequestConformsToTheApiModel();
        JsonNode partition = endpoint.requests.get(4).body();
        assertThat(partition.path("TableName").asText()).isEqualTo("spend_by_region");
        assertThat(partition.path("PartitionInput").path("Values").toString()).isEqualTo("[\"emea\"]");
        assertThat(partition.path("PartitionInput").path("StorageDescriptor").path("Location").asText())
                .isEqualTo("s3://acme-lake/analytical/finance/spend_by_region/region=emea/");
        assertThat(endpoint.partitions).hasSize(1);
    }

    @Test
    void aSchemaAthenaCannotRepresentIsNotCataloguedNorRetried() {
        CommittedPartitions hook = new CommittedPartitions(catalog, models);
        Schema withUnion = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"v\",\"type\":[\"null\",\"string\",\"long\"]}]}");

        hook.committed(EXPENSES, "s3://lake/staging/finance/expenses/", "dt=2024-05-01", withUnion);
        hook.committed(EXPENSES, "s3://lake/staging/finance/expenses/", "dt=2024-05-02", withUnion);

        assertThat(endpoint.requests).isEmpty();
    }

    @Test
    void badSettingsNameTheProperty() {
        assertThatThrownBy(() -> GlueSettings.from(Map.of(GlueSettings.ENDPOINT, "localhost:9999")))
                .hasMessageContaining("glue.endpoint 'localhost:9999'");
        assertThatThrownBy(() -> GlueSettings.from(Map.of(GlueSettings.ACCESS_KEY_ID, "AKID")))
                .hasMessageContaining("aws.access.key.id and aws.secret.access.key go together");
        assertThatThrownBy(() -> GlueSettings.from(Map.of(GlueSettings.PROJECTION_START, "yesterday")))
                .hasMessageContaining("projection.start 'yesterday'");
    }

    @Test
    void theApiModelCheckCatchesMalformedRequests() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode missingName = json.createObjectNode().put("DatabaseName", "d").set("TableInput", json.createObjectNode()
                .put("TableType", "EXTERNAL_TABLE"));
        assertThat(api.violations("CreateTable", missingName)).containsExactly("CreateTable.TableInput.Name is required");
        JsonNode unknownMember = json.createObjectNode().put("DatabaseName", "d").set("TableInput", json.createObjectNode()
                .put("Name", "t").put("Columns", "x"));
        assertThat(api.violations("CreateTable", unknownMember)).containsExactly("CreateTable.TableInput.Columns is not a member of the API");
    }

    private void everyRequestConformsToTheApiModel() {
        for (RecordingGlueEndpoint.Recorded r : endpoint.requests) {
            assertThat(api.violations(r.operation(), r.body())).as(r.operation() + " " + r.body()).isEmpty();
        }
    }

    private static List<String> columns(JsonNode storageDescriptor) {
        List<String> columns = new java.util.ArrayList<>();
        storageDescriptor.path("Columns").forEach(c -> columns.add(c.path("Name").asText() + " " + c.path("Type").asText()));
        return columns;
    }
}
