package io.tributary.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ZoneProducerSettingsTest {
    private static final String FINANCE_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"finance-producer\" password=\"s3cr3t-finance\";";
    private static final Map<String, Object> SHARED = Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "…ScramLoginModule required username=\"tributary-platform\" password=\"p\";",
            "linger.ms", "5", "ssl.truststore.location", "/etc/trust.p12", "client.id", "tributary-ingest");

    @Test
    void aZoneWithKeysGetsItsOwnIdentityOnTopOfTheSharedSettings() {
        Map<String, KafkaIdentity> identities = ZoneProducerSettings.from(Map.of(
                "tributary.ingest.zone.finance.kafka.sasl.jaas.config", FINANCE_JAAS,
                "tributary.ingest.zone.finance.kafka.security.protocol", "SASL_SSL",
                "tributary.ingest.zones", "/zones",
                "kafka.linger.ms", "5"), List.of("finance", "hr"), SHARED);

        assertThat(identities).containsOnlyKeys("finance");
        KafkaIdentity finance = identities.get("finance");
        assertThat(finance.zone()).contains("finance");
        assertThat(finance.principal()).isEqualTo("User:finance-producer");
        assertThat(finance.settings())
                .containsEntry("sasl.jaas.config", FINANCE_JAAS)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.id", "tributary-ingest-finance")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("linger.ms", "5")
                .containsEntry("ssl.truststore.location", "/etc/trust.p12");
        assertThat(finance.toString()).isEqualTo("zone finance's producer User:finance-producer").doesNotContain("s3cr3t");
    }

    @Test
    void unknownZonesAndSharedKeysAreRefusedEachNamedWithoutTheirValues() {
        assertThatThrownBy(() -> ZoneProducerSettings.from(Map.of(
                "tributary.ingest.zone.fiannce.kafka.sasl.jaas.config", FINANCE_JAAS,
                "tributary.ingest.zone.hr.kafka.linger.ms", "50",
                "tributary.ingest.zone.hr.sasl.jaas.config", FINANCE_JAAS), List.of("finance", "hr"), SHARED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tributary.ingest.zone.fiannce.kafka.sasl.jaas.config: zone 'fiannce' is not among the zones served [finance, hr]")
                .hasMessageContaining("tributary.ingest.zone.hr.kafka.linger.ms: only security.protocol, sasl.* and ssl.* may be set per zone")
                .hasMessageContaining("tributary.ingest.zone.hr.sasl.jaas.config: per-zone settings are tributary.ingest.zone.<zone>.kafka.<client key>")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void theSharedIdentityIsNamedFromItsSettings() {
        assertThat(KafkaIdentity.shared(SHARED).principal()).isEqualTo("User:tributary-platform");
        assertThat(KafkaIdentity.shared(Map.of("bootstrap.servers", "b:9092")).principal()).isEqualTo("User:ANONYMOUS");
        assertThat(KafkaIdentity.shared(Map.of()).describe()).isEqualTo("the shared producer User:ANONYMOUS");
    }

    @Test
    void secretsAreScrubbedFromTexts() {
        KafkaIdentity finance = KafkaIdentity.ofZone("finance", Map.of("sasl.jaas.config", FINANCE_JAAS,
                "ssl.keystore.password", "ks-pass"));
        assertThat(finance.scrub("bad config " + FINANCE_JAAS + " and s3cr3t-finance, keystore ks-pass"))
                .isEqualTo("bad config [hidden] and [hidden], keystore [hidden]");
        assertThat(finance.scrub(null)).isEmpty();
    }
}
