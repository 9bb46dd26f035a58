package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * In Kubernetes a role's login comes from its KafkaUser Secret through an environment variable
 * (the chart's processors Deployment): the client key has dots, so it is quoted with double
 * underscores, as Quarkus names a datasource's map key ({@code QUARKUS_DATASOURCE__USERS__JDBC_URL}).
 */
class RoleSettingsFromEnvironmentTest {

    @Test
    void aRolesClientKeysAndRegistryLoginAreReadFromEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("tributary.zone.descriptor", "unused.yaml",
                        "tributary.schema-registry.url", "http://registry:8081"), "defaults", 100))
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new EnvConfigSource(Map.of(
                        "TRIBUTARY_ROLES_CANONICALISER_KAFKA__SASL_JAAS_CONFIG__", "jaas-of-the-canonicaliser",
                        "TRIBUTARY_ROLES_CANONICALISER_KAFKA__SECURITY_PROTOCOL__", "SASL_SSL",
                        "TRIBUTARY_ROLES_ANALYTICAL_KAFKA__SASL_MECHANISM__", "SCRAM-SHA-512",
                        "TRIBUTARY_ROLES_ANALYTICAL_REGISTRY_BASIC_AUTH_USER_INFO", "finance-analytical:pw"), 300))
                .withMapping(ValidatorConfig.class)
                .build();
        ValidatorConfig mapped = config.getConfigMapping(ValidatorConfig.class);

        assertThat(mapped.roles().get("canonicaliser").kafka())
                .containsEntry("sasl.jaas.config", "jaas-of-the-canonicaliser").containsEntry("security.protocol", "SASL_SSL");
        assertThat(mapped.roles().get("analytical").kafka()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(mapped.roles().get("analytical").registry().basicAuthUserInfo()).contains("finance-analytical:pw");
    }
}
