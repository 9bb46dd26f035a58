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
        // Three datasets with two sinks each, one entity, two analytical outputs, the ingress source.
        assertThat(connectors).hasSize(3 * 2 + 1 + 2 + 1);
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
        assertThat(connectors.keySet()).noneMatch(name -> name.contains("rejected"));
    }
}
