package io.tributary.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.Secret;

/** What `tributary up --tls` writes for its components: every login over SASL_SSL, trusting the local CA. */
class PlatformTlsSettingsTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();

    @TempDir
    Path data;

    private PlatformConfig config(boolean tls) {
        return PlatformConfig.defaults(new Installation(Path.of("/opt/tributary")), data, EXAMPLES, PlatformPorts.DEFAULTS).withTls(tls);
    }

    @Test
    void everySettingsFileNamesSaslSslAndTheCaAndTheBrokerGetsItsKeyStore() throws Exception {
        PlatformConfig config = config(true);
        PlatformSecrets secrets = new PlatformSecrets(config);
        ClientSettings platform = secrets.prepare();
        Path ca = data.resolve("secrets/tls/ca.crt");

        assertThat(platform.asMap()).containsEntry("security.protocol", "SASL_SSL").containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", ca.toString());
        assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
        Map<String, String> broker = properties(secrets.brokerCredentials());
        assertThat(broker).containsKeys("tls.keystore.password").containsEntry("tls.ca.location", ca.toString())
                .containsEntry("tls.keystore.location", data.resolve("secrets/tls/broker.p12").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/tls/broker.p12")))).isEqualTo("rw-------");
        assertThat(properties(secrets.componentSettings(ComponentCommands.REGISTRY)))
                .containsEntry("kafka.security.protocol", "SASL_SSL").containsEntry("kafka.ssl.truststore.location", ca.toString());

        CredentialStore store = secrets.store();
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(EXAMPLES);
        for (ZoneDescriptor zone : zones) {
            for (Role role : Role.values()) {
                String user = ZonePrincipal.of(zone.zone(), role).userName();
                store.put(user, Secret.of("pw-" + user));
            }
        }
        secrets.writeZoneSettings(zones, store);
        assertThat(properties(secrets.processorsSettings("finance")))
                .containsEntry("kafka-streams.security.protocol", "SASL_SSL")
                .containsEntry("kafka-streams.ssl.truststore.location", ca.toString())
                .containsEntry("tributary.roles.canonicaliser.kafka.ssl.truststore.location", ca.toString())
                .containsEntry("tributary.roles.analytical.kafka.security.protocol", "SASL_SSL");
        assertThat(properties(secrets.componentSettings(ComponentCommands.INGEST)))
                .containsEntry("tributary.ingest.zone.finance.kafka.ssl.truststore.location", ca.toString())
                .containsEntry("kafka.ssl.truststore.type", "PEM");
        assertThat(properties(secrets.zoneConnectSettings("hr"))).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", ca.toString());
    }

    @Test
    void theCaIsKeptAcrossStartsWhileTheBrokersKeyStoreIsIssuedAgain() throws Exception {
        PlatformSecrets secrets = new PlatformSecrets(config(true));
        secrets.prepare();
        String ca = Files.readString(data.resolve("secrets/tls/ca.crt"));
        String password = properties(secrets.brokerCredentials()).get("tls.keystore.password");

        secrets.prepare();

        assertThat(Files.readString(data.resolve("secrets/tls/ca.crt"))).isEqualTo(ca);
        assertThat(properties(secrets.brokerCredentials()).get("tls.keystore.password")).isNotEqualTo(password);
    }

    @Test
    void connectorsNameTheTrustStoreThroughTheFileProviderOnlyOverTls() {
        ZoneDescriptor finance = DescriptorLoader.loadDirectory(EXAMPLES).stream().filter(z -> z.zone().equals("finance")).findFirst()
                .orElseThrow();
        Map<String, Map<String, String>> tls = ZoneConnectors.of(config(true), finance);
        assertThat(tls.get("finance-expenses-staging-s3-sink")).containsEntry("consumer.override.ssl.truststore.location",
                "${file:" + data.resolve("secrets/finance-connect.properties") + ":ssl.truststore.location}");
        assertThat(tls.get(IngressConnectorConfigs.name(finance))).containsEntry("landing.admin.ssl.truststore.location",
                "${file:" + data.resolve("client.properties") + ":ssl.truststore.location}");

        Map<String, Map<String, String>> plain = ZoneConnectors.of(config(false), finance);
        assertThat(plain.get("finance-expenses-staging-s3-sink")).containsKey("consumer.override.sasl.jaas.config")
                .doesNotContainKey("consumer.override.ssl.truststore.location");
    }

    @Test
    void tlsComesWithTheSecuredPlatformOnly() {
        PlatformConfig open = config(false).withSecurity(false);
        assertThatThrownBy(() -> open.withTls(true)).hasMessageContaining("--tls cannot be combined with --open");
        assertThat(config(true).kafkaSecurityProtocol()).isEqualTo("SASL_SSL");
        assertThat(config(false).kafkaSecurityProtocol()).isEqualTo("SASL_PLAINTEXT");
        assertThat(config(true).withSecurity(false).tls()).isFalse();
    }

    private static Map<String, String> properties(Path file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        Map<String, String> out = new java.util.TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }
}
