package io.tributary.security.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.security.Role;

class ClientConfigsTest {
    @TempDir
    Path dir;

    @Test
    void givesKafkaAndRegistryPropertiesUsableAsTheyAre() {
        CredentialStore store = CredentialStore.open(dir.resolve("credentials.json"));
        store.put("finance-validator", Secret.of("pw-1"));

        Map<String, String> props = new ClientConfigs(store).forRole("finance", Role.VALIDATOR, "localhost:9092", "http://registry:8081")
                .asMap();

        assertThat(props).containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"finance-validator\" password=\"pw-1\";")
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "finance-validator:pw-1");
        // Kafka's own parser accepts them (and hides the JAAS config as a password).
        Map<String, ?> parsed = new AdminClientConfig(new java.util.HashMap<>(props)).values();
        assertThat(parsed.get("sasl.jaas.config")).isInstanceOf(Password.class);
        assertThat(((Password) parsed.get("sasl.jaas.config")).value()).isEqualTo(props.get("sasl.jaas.config"));
    }

    @Test
    void tlsClustersGetSaslSslAndOtherProtocolsAreRefused() {
        CredentialStore store = CredentialStore.open(dir.resolve("credentials.json"));
        store.put("tributary-platform", Secret.of("pw"));
        assertThat(new ClientConfigs(store, "SASL_SSL").forPlatform("h:9093", null).asMap())
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("schema.registry.url");
        assertThatThrownBy(() -> new ClientConfigs(store, "PLAINTEXT")).hasMessageContaining("SASL_PLAINTEXT or SASL_SSL, not PLAINTEXT");
    }

    @Test
    void theClustersTrustStoreReachesEveryClientAndOnlyOverTls() {
        CredentialStore store = CredentialStore.open(dir.resolve("credentials.json"));
        store.put("finance-producer", Secret.of("pw"));
        Map<String, String> trust = Map.of("ssl.truststore.type", "PEM", "ssl.truststore.location", "/data/secrets/tls/ca.crt");

        Map<String, String> props = new ClientConfigs(store, "SASL_SSL", trust).forRole("finance", Role.PRODUCER, "h:9093", null).asMap();

        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsAllEntriesOf(trust);
        assertThat(new AdminClientConfig(new java.util.HashMap<>(props)).getString("ssl.truststore.type")).isEqualTo("PEM");
        assertThatThrownBy(() -> new ClientConfigs(store, "SASL_PLAINTEXT", trust)).hasMessageContaining("need security.protocol SASL_SSL");
        assertThatThrownBy(() -> new ClientConfigs(store, "SASL_SSL", Map.of("sasl.mechanism", "PLAIN")))
                .hasMessageContaining("only ssl.* settings").hasMessageContaining("sasl.mechanism");
    }

    @Test
    void anUnknownRoleCredentialIsAClearError() {
        CredentialStore store = CredentialStore.open(dir.resolve("credentials.json"));
        assertThatThrownBy(() -> new ClientConfigs(store).forRole("hr", Role.STEWARD, "h:1", null))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("No password for user hr-steward");
    }

    @Test
    void storesAnOwnerOnlyPropertiesFile() throws Exception {
        CredentialStore store = CredentialStore.open(dir.resolve("credentials.json"));
        store.put("hr-producer", Secret.of("pw-2"));
        Path file = dir.resolve("client.properties");

        new ClientConfigs(store).forRole("hr", Role.PRODUCER, "h:1", null).store(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(io.tributary.model.ClientSettings.load(file).asMap()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
}
