package io.tributary.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * In Kubernetes a zone's producer login comes from its KafkaUser Secret through environment variables
 * (the chart's ingest Deployment): the client key has dots, so it is quoted with double underscores,
 * as Quarkus names a map key ({@code TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SASL_JAAS_CONFIG__}).
 */
class ZoneSettingsFromEnvironmentTest {

    private static IngestConfig mapped(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("tributary.ingest.zones", "/etc/tributary/zones"), "defaults", 100))
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(IngestConfig.class)
                .build();
        return config.getConfigMapping(IngestConfig.class);
    }

    @Test
    void aZonesProducerClientKeysAreReadFromEnvironmentVariables() {
        IngestConfig config = mapped(Map.of(
                "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SECURITY_PROTOCOL__", "SASL_SSL",
                "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SASL_MECHANISM__", "SCRAM-SHA-512",
                "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SASL_JAAS_CONFIG__", "jaas-of-finance-producer",
                "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SSL_TRUSTSTORE_TYPE__", "PEM",
                "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__SSL_TRUSTSTORE_LOCATION__", "/etc/tributary/kafka-ca/ca.crt"));

        assertThat(config.zone()).containsOnlyKeys("finance");
        assertThat(config.zone().get("finance").kafka()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "jaas-of-finance-producer",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/tributary/kafka-ca/ca.crt"));
    }

    /**
     * Why the chart refuses a producer Secret for a zone whose name holds `_`: an environment variable
     * cannot name its map key. Unquoted, `DATA_LAKE` is not a key at all; quoted, every `_` reads as `.`.
     */
    @Test
    void aZoneNameWithAnUnderscoreCannotBeAMapKeyOfAnEnvironmentVariable() {
        assertThat(mapped(Map.of("TRIBUTARY_INGEST_ZONE_DATA_LAKE_KAFKA__SASL_MECHANISM__", "SCRAM-SHA-512")).zone()).isEmpty();
        assertThat(mapped(Map.of("TRIBUTARY_INGEST_ZONE__DATA_LAKE__KAFKA__SASL_MECHANISM__", "SCRAM-SHA-512")).zone())
                .containsOnlyKeys("data.lake");
    }
}
