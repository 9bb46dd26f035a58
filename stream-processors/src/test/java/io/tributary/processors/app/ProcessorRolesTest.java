package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which identity each role gets from the tributary.roles.* keys, and what happens without them. */
class ProcessorRolesTest {
    private static final Map<String, Object> VALIDATOR = Map.of(
            "bootstrap.servers", "broker:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", jaas("finance-validator", "validator-secret"),
            "ssl.truststore.location", "/secrets/truststore.p12",
            "client.dns.lookup", "use_all_dns_ips");

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    @Test
    void aRoleWithoutItsKeysRunsAsTheValidator() {
        Map<ProcessorRole, RoleIdentity> roles = ProcessorRoles.resolve(Map.of(), VALIDATOR, Optional.of("finance-validator:reg-secret"));

        for (ProcessorRole role : ProcessorRole.values()) {
            assertThat(roles.get(role).kafka()).as(role.id()).isEqualTo(VALIDATOR);
            assertThat(roles.get(role).registryUserInfo()).as(role.id()).contains("finance-validator:reg-secret");
            assertThat(roles.get(role).principal()).isEqualTo("User:finance-validator");
        }
    }

    @Test
    void aRoleWithKafkaKeysTakesItsSecuritySettingsFromThemAloneAndKeepsTheRest() {
        Map<ProcessorRole, RoleIdentity> roles = ProcessorRoles.resolve(Map.of(
                "tributary.roles.canonicaliser.kafka.security.protocol", "SASL_PLAINTEXT",
                "tributary.roles.canonicaliser.kafka.sasl.mechanism", "SCRAM-SHA-512",
                "tributary.roles.canonicaliser.kafka.sasl.jaas.config", jaas("finance-canonicaliser", "canon-secret"),
                "tributary.roles.analytical.registry.basic-auth-user-info", "finance-analytical:an-secret"),
                VALIDATOR, Optional.of("finance-validator:reg-secret"));

        RoleIdentity canonicaliser = roles.get(ProcessorRole.CANONICALISER);
        assertThat(canonicaliser.kafka()).containsEntry("sasl.jaas.config", jaas("finance-canonicaliser", "canon-secret"))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                // The validator's trust store is part of its security settings: not inherited.
                .doesNotContainKey("ssl.truststore.location");
        assertThat(canonicaliser.principal()).isEqualTo("User:finance-canonicaliser");
        assertThat(canonicaliser.registryUserInfo()).as("no registry key: the validator's").contains("finance-validator:reg-secret");

        RoleIdentity analytical = roles.get(ProcessorRole.ANALYTICAL);
        assertThat(analytical.kafka()).as("no kafka keys: the validator's").isEqualTo(VALIDATOR);
        assertThat(analytical.registryUserInfo()).contains("finance-analytical:an-secret");
        assertThat(analytical.registryUser()).isEqualTo("finance-analytical");
        assertThat(roles.get(ProcessorRole.VALIDATOR).kafka()).isEqualTo(VALIDATOR);
    }

    @Test
    void noSecretInWhatIsLogged() {
        Map<ProcessorRole, RoleIdentity> roles = ProcessorRoles.resolve(Map.of(
                "tributary.roles.canonicaliser.kafka.sasl.jaas.config", jaas("finance-canonicaliser", "canon-secret"),
                "tributary.roles.canonicaliser.registry.basic-auth-user-info", "finance-canonicaliser:reg-canon-secret"),
                VALIDATOR, Optional.of("finance-validator:reg-secret"));

        for (RoleIdentity identity : roles.values()) {
            assertThat(identity.toString() + identity.principal() + identity.registryUser()).doesNotContain("secret");
        }
        assertThat(roles.get(ProcessorRole.CANONICALISER).toString())
                .isEqualTo("canonicaliser as User:finance-canonicaliser (registry user finance-canonicaliser)");
    }

    @Test
    void withoutAuthenticationThePrincipalSaysSo() {
        RoleIdentity open = ProcessorRoles.resolve(Map.of(), Map.of("bootstrap.servers", "localhost:9092"), Optional.empty())
                .get(ProcessorRole.ANALYTICAL);

        assertThat(open.principal()).isEqualTo("User:ANONYMOUS (no authentication)");
        assertThat(open.registryUser()).isEqualTo("(anonymous)");
    }

    @Test
    void anUnknownRoleOrSettingIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ProcessorRoles.resolve(Map.of("tributary.roles.canonicalizer.kafka.sasl.jaas.config", "x"), VALIDATOR,
                Optional.empty()))
                .hasMessageContaining("Unknown role 'canonicalizer'")
                .hasMessageContaining("tributary.roles.canonicalizer.kafka.sasl.jaas.config")
                .hasMessageContaining("tributary.roles.canonicaliser.*");
        assertThatThrownBy(() -> ProcessorRoles.resolve(Map.of("tributary.roles.validator.kafka.sasl.jaas.config", "x"), VALIDATOR,
                Optional.empty()))
                .hasMessageContaining("Unknown role 'validator'");
        assertThatThrownBy(() -> ProcessorRoles.resolve(Map.of("tributary.roles.analytical.registry.user", "x"), VALIDATOR,
                Optional.empty()))
                .hasMessageContaining("Unknown configuration key tributary.roles.analytical.registry.user")
                .hasMessageContaining("tributary.roles.analytical.registry.basic-auth-user-info");
    }
}
