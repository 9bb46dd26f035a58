package io.tributary.connect.s3.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.catalog.glue.RecordingGlueEndpoint;
import io.tributary.connect.s3.S3ParquetSinkConfig;
import io.tributary.model.TopicName;

/** The sink's Glue hook against a local endpoint that speaks Glue's JSON protocol, configured as a connector would be. */
class GlueSinkCatalogTest {
    private static final TopicName EXPENSES = TopicName.parse("finance.staging.expenses");
    private static final String LOCATION = "s3://lake/staging/finance/expenses/";
    private static final Schema V1 = SchemaBuilder.record("Expense").fields().requiredString("id").requiredDouble("amount").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Expense").fields().requiredString("id").requiredDouble("amount")
            .optionalString("note").endRecord();

    private RecordingGlueEndpoint endpoint;
    private Catalog catalog;

    @BeforeEach
    void start() throws Exception {
        endpoint = new RecordingGlueEndpoint();
        catalog = new S3ParquetSinkConfig(connectorProps(endpoint.uri().toString())).catalog(connectorProps(endpoint.uri().toString()));
    }

    @AfterEach
    void stop() {
        if (catalog != null) {
            catalog.close();
        }
        endpoint.close();
    }

    private static Map<String, String> connectorProps(String glueEndpoint) {
        Map<String, String> props = new HashMap<>();
        props.put("topics", "finance.staging.expenses");
        props.put(S3ParquetSinkConfig.S3_BUCKET, "lake");
        props.put(S3ParquetSinkConfig.S3_ENDPOINT, "http://127.0.0.1:1");
        props.put(S3ParquetSinkConfig.AWS_ACCESS_KEY_ID, "local");
        props.put(S3ParquetSinkConfig.AWS_SECRET_ACCESS_KEY, "local-secret");
        props.put(S3ParquetSinkConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:2");
        props.put(S3ParquetSinkConfig.CATALOG_CLASS, GlueSinkCatalog.class.getName());
        props.put("catalog.glue.endpoint", glueEndpoint);
        props.put("catalog.glue.region", "eu-west-1");
        props.put("catalog.aws.access.key.id", "AKIDTEST");
        props.put("catalog.aws.secret.access.key", "secret");
        return props;
    }

    private static LakePartition partition(TopicName topic, String path, Schema schema, String format) {
        return new LakePartition(topic, "s3://lake/" + topic.stage().id() + "/" + topic.zone() + "/" + topic.dataset() + "/", path,
                format, schema, "key-of-" + path);
    }

    @Test
    void theFirstCommitCreatesAProjectedTableAndLaterDailyFoldersNeedNoCall() {
        catalog.partitionCommitted(partition(EXPENSES, "dt=2024-05-01", V1, "parquet"));
        catalog.partitionCommitted(partition(EXPENSES, "dt=2024-05-02", V1, "parquet"));

        assertThat(endpoint.operations()).containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable");
        var table = endpoint.tables.get("finance_staging.expenses");
        assertThat(table.path("StorageDescriptor").path("Location").asText()).isEqualTo(LOCATION);
        assertThat(table.path("StorageDescriptor").path("Columns").findValuesAsText("Name")).containsExactly("id", "amount");
        assertThat(table.path("PartitionKeys").findValuesAsText("Name")).containsExactly("dt");
        assertThat(table.path("Parameters").path("projection.enabled").asText()).isEqualTo("true");
        assertThat(endpoint.partitions).isEmpty();
    }

    @Test
    void aFileWithANewColumnEvolvesTheTable() {
        catalog.partitionCommitted(partition(EXPENSES, "dt=2024-05-01", V1, "parquet"));
        catalog.partitionCommitted(partition(EXPENSES, "dt=2024-05-02", V2, "parquet"));

        assertThat(endpoint.operations()).contains("UpdateTable");
        assertThat(endpoint.tables.get("finance_staging.expenses").path("StorageDescriptor").path("Columns").findValuesAsText("Name"))
                .containsExactly("id", "amount", "note");
    }

    @Test
    void foldersOfAFieldValuePartitionedTableAreEachRegistered() {
        catalog.partitionCommitted(partition(EXPENSES, "department=sales", V1, "parquet"));
        catalog.partitionCommitted(partition(EXPENSES, "department=hr", V1, "parquet"));
        catalog.partitionCommitted(partition(EXPENSES, "department=hr", V1, "parquet"));

        assertThat(endpoint.operations()).containsSubsequence("CreateTable", "CreatePartition", "CreatePartition");
        assertThat(endpoint.partitions.keySet()).containsExactlyInAnyOrder("finance_staging.expenses/[\"sales\"]",
                "finance_staging.expenses/[\"hr\"]");
        assertThat(endpoint.tables.get("finance_staging.expenses").path("Parameters").path("projection.enabled").asText())
                .isNotEqualTo("true");
    }

    @Test
    void anOdsSinkThatNamesItsEntitysKeyAndVersionCataloguesTheCurrentView() {
        catalog.close();
        Map<String, String> props = connectorProps(endpoint.uri().toString());
        props.put("catalog.entity.key", "id");
        props.put("catalog.entity.version", "amount");
        catalog = new S3ParquetSinkConfig(props).catalog(props);

        catalog.partitionCommitted(partition(TopicName.parse("finance.ods.expenses"), "dt=2024-05-01", V1, "parquet"));

        var view = endpoint.tables.get("finance_ods.expenses_current");
        assertThat(view).as("the view beside the table").isNotNull();
        assertThat(view.path("TableType").asText()).isEqualTo("VIRTUAL_VIEW");
        assertThat(view.path("ViewOriginalText").asText()).startsWith("/* Presto View: ");
        assertThat(endpoint.tables.get("finance_ods.expenses").path("Parameters").path("tributary.entity.key").asText()).isEqualTo("id");
    }

    @Test
    void anEntityKeyWithoutItsVersionIsAConfigErrorNamingBoth() {
        Map<String, String> props = connectorProps(endpoint.uri().toString());
        props.put("catalog.entity.key", "id");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(props).catalog(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("catalog.entity.key and catalog.entity.version go together");
    }

    @Test
    void landingIsNeverCatalogued() {
        catalog.partitionCommitted(partition(TopicName.parse("finance.landing.expenses"), "dt=2024-05-01", V1, "avro"));

        assertThat(endpoint.operations()).isEmpty();
    }

    @Test
    void aBadGlueSettingIsAConfigErrorNamingTheProperty() {
        Map<String, String> props = connectorProps("not a url");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(props).catalog(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("glue.endpoint").hasMessageContaining("not a url");
    }
}
