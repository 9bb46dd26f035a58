package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.Secret;

/** The security commands that need no cluster: access, client-config, zones cloud, and their refusals. */
class SecurityCommandsTest extends CliCommandTest {
    private static final Path ZONES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void accessShowsTopicsSubjectsAndLakePrefixesOfTheZone() {
        assertThat(run("access", "finance", "--zones", ZONES.toString())).isZero();
        String report = out.toString();
        assertThat(report).contains("== Kafka topics ==", "== Schema registry ==", "== Lake (s3://");
        // The published departments reach finance's analytical step and analysts, landing no one but the platform.
        assertThat(report).contains("hr.staging.departments", "finance-analyst", "staging/finance/");
        assertThat(report).contains("is readable by the platform alone");
        assertThat(report.lines().filter(l -> l.contains("finance.landing.expenses") && l.contains("finance-analyst"))).isEmpty();
    }

    @Test
    void accessToAnUnknownZoneNamesTheZonesThere() {
        assertThat(run("access", "audit", "--zones", ZONES.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no zone 'audit'", "finance", "hr");
    }

    @Test
    void clientConfigPrintsTheRolesPropertiesFromTheSecretsFile() {
        Path secrets = dir.resolve("secrets.json");
        CredentialStore.open(secrets).put("finance-producer", Secret.of("s3cret-pw"));
        assertThat(run("client-config", "finance", "producer", "--secrets", secrets.toString(),
                "--bootstrap-server", "kafka:9092", "--registry-url", "http://registry:8081")).isZero();
        assertThat(out.toString()).contains("bootstrap.servers=kafka:9092", "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=SCRAM-SHA-512", "username=\"finance-producer\" password=\"s3cret-pw\"",
                "schema.registry.url=http://registry:8081", "basic.auth.user.info=finance-producer:s3cret-pw");
    }

    @Test
    void clientConfigRefusesUnknownRolesAndMissingCredentials() {
        Path secrets = dir.resolve("secrets.json");
        assertThat(run("client-config", "finance", "wizard", "--secrets", secrets.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("'wizard' is not a role", "producer", "steward");
        assertThat(run("client-config", "finance", "analyst", "--secrets", secrets.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("finance-analyst", "zones apply");
    }

    @Test
    void zonesCloudWritesPoliciesAndATemplate() throws IOException {
        Path cloud = dir.resolve("cloud");
        assertThat(run("zones", "cloud", ZONES.toString(), "-o", cloud.toString())).isZero();
        JsonNode template = new ObjectMapper().readTree(cloud.resolve("cloudformation.json").toFile());
        assertThat(template.path("Resources").size()).isPositive();
        assertThat(cloud.resolve("finance")).isDirectory();
        assertThat(Files.readString(cloud.resolve("finance/analyst-iam-policy.json"))).contains("s3:GetObject");
    }

    @Test
    void renderRefusesUnknownKindsAndBadClusterNames() {
        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", dir.toString(), "--kinds", "users,groups")).isEqualTo(1);
        assertThat(err.toString()).contains("--kinds: 'groups' is not topics or users");
        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", dir.toString(), "--cluster", "My_Cluster")).isEqualTo(1);
        assertThat(err.toString()).contains("--cluster: 'My_Cluster' is not a Kubernetes name");
        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", dir.toString(), "--cluster-profile", "huge")).isEqualTo(1);
        assertThat(err.toString()).contains("--cluster-profile: 'huge' is not single-node or production");
    }
}
