package io.tributary.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** Which connectors `tributary up` gives a zone, from the example descriptors. */
class ZoneConnectorsTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();
    private final PlatformConfig config = PlatformConfig.defaults(new Installation(Path.of("/opt/tributary")), Path.of("/data"),
            EXAMPLES, PlatformPorts.DEFAULTS);

    private static ZoneDescriptor zone(Path dir, String name) {
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);
        return zones.stream().filter(z -> z.zone().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachDatasetGetsARawLandingArchiveAndAStagingParquetSink() {
        Map<String, Map<String, String>> connectors = ZoneConnectors.of(config, zone(EXAMPLES, "finance"));

        assertThat(connectors).containsKeys("finance-expenses-landing-s3-sink", "finance-expenses-staging-s3-sink",
                IngressConnectorConfigs.name(zone(EXAMPLES, "finance")));
        // Four datasets with two sinks each, the rejected sink, one entity, two analytical outputs, the ingress source.
        assertThat(connectors).hasSize(4 * 2 + 1 + 1 + 2 + 1);
        Map<String, String> landing = connectors.get("finance-expenses-landing-s3-sink");
        assertThat(landing).containsEntry("topics", "finance.landing.expenses").containsEntry("format", "archive")
                .containsEntry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter").doesNotContainKey("partition.field");
        Map<String, String> staging = connectors.get("finance-expenses-staging-s3-sink");
        assertThat(staging).containsEntry("topics", "finance.staging.expenses").containsEntry("partition.field", "submitted_at")
                .doesNotContainKey("format");
        // Approved stages are read as the zone's connect principal, its password named through the file provider; landing as the platform.
        assertThat(staging.get("consumer.override.sasl.jaas.config")).isEqualTo("${file:/data/secrets/finance-connect.properties:sasl.jaas.config}");
        assertThat(landing).doesNotContainKey("consumer.override.sasl.jaas.config");
        assertThat(ZoneConnectors.of(config.withSecurity(false), zone(EXAMPLES, "finance")).get("finance-expenses-staging-s3-sink"))
                .doesNotContainKey("consumer.override.sasl.jaas.config");
    }

    @Test
    void entitiesAndAnalyticalOutputsAreLandedToo() {
        Map<String, Map<String, String>> connectors = ZoneConnectors.of(config, zone(EXAMPLES, "finance"));

        assertThat(connectors.get("finance-expense-ods-s3-sink")).containsEntry("topics", "finance.ods.expense")
                .containsEntry("partition.field", "submitted_at");
        assertThat(connectors.get("finance-expense_facts-analytical-s3-sink")).containsEntry("topics", "finance.analytical.expense_facts")
                .doesNotContainKey("partition.field");
        assertThat(connectors).containsKey("finance-monthly_spend_by_department-analytical-s3-sink")
                .containsKey("finance-card_transactions-staging-s3-sink").containsKey("finance-fx_rates-landing-s3-sink");
    }

    @Test
    void oneSinkLandsAllTheZonesRejectedTopicsAsThePlatform() {
        Map<String, Map<String, String>> connectors = ZoneConnectors.of(config, zone(EXAMPLES, "finance"));

        Map<String, String> rejected = connectors.get("finance-rejected-s3-sink");
        assertThat(rejected).containsEntry("format", "rejected").containsEntry("topics.regex", "finance\\.rejected\\..+")
                .containsEntry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                .containsEntry("s3.bucket", config.lakeBucket())
                .doesNotContainKeys("topics", "partition.field", "schema.registry.url");
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(rejected.get("topics.regex"));
        assertThat(pattern.matcher("finance.rejected.expenses").matches()).isTrue();
        assertThat(pattern.matcher("finance.rejected.card_transactions").matches()).isTrue();
        assertThat(pattern.matcher("finance.landing.expenses").matches()).isFalse();
        assertThat(pattern.matcher("hr.rejected.departments").matches()).isFalse();
        assertThat(pattern.matcher("financeXrejected.expenses").matches()).isFalse();
        // Original landing bytes: read as the worker's own (platform) login, like the landing archive, even when secured.
        assertThat(config.secured()).isTrue();
        assertThat(rejected.keySet()).noneMatch(key -> key.startsWith("consumer.override."));
        assertThat(connectors.keySet()).filteredOn(name -> name.contains("rejected")).containsExactly("finance-rejected-s3-sink");
    }
}
