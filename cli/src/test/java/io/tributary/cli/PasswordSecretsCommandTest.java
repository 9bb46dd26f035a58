package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.cli.strimzi.YamlDocuments;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.Secret;

/**
 * Our own passwords for Strimzi: `zones render --strimzi --password-secrets` makes every KafkaUser read its password
 * from a Secret, and `zones password-secrets` writes exactly those Secrets from the secrets file.
 */
class PasswordSecretsCommandTest extends CliCommandTest {
    private static final Path ZONES = ExampleZonesSecrets.ZONES;
    private static final List<String> ZONE_NAMES = ExampleZonesSecrets.ZONE_NAMES;

    @TempDir
    Path dir;

    /** Passwords unlike each other (one with characters YAML and base64 care about) for every role of the zones, but {@code without}. */
    private Path secretsWithout(String... without) {
        return ExampleZonesSecrets.write(dir.resolve("secrets.json"), PasswordSecretsCommandTest::password, without);
    }

    private static String password(String user) {
        return user.equals("hr-steward") ? "true" : "pw: of " + user + " ü#\"'";
    }

    @Test
    void everyKafkaUserReadsTheSecretThatPasswordSecretsWritesWithTheStoresPassword() throws IOException {
        Path secrets = secretsWithout();
        Path rendered = dir.resolve("zones");
        Path secretsYaml = dir.resolve("out/password-secrets.yaml");

        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", rendered.toString(), "--password-secrets")).as(err.toString()).isZero();
        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secrets.toString(), "-o", secretsYaml.toString(),
                "--namespace", "data-platform")).as(err.toString()).isZero();

        Map<String, JsonNode> secretsByName = new HashMap<>();
        for (JsonNode secret : documents(secretsYaml)) {
            assertThat(secret.at("/apiVersion").asText()).isEqualTo("v1");
            assertThat(secret.at("/kind").asText()).isEqualTo("Secret");
            assertThat(secret.at("/type").asText()).isEqualTo("Opaque");
            assertThat(secret.at("/metadata/namespace").asText()).isEqualTo("data-platform");
            assertThat(secret.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("tributary");
            assertThat(secretsByName.put(secret.at("/metadata/name").asText(), secret)).as("one Secret per name").isNull();
        }

        Set<String> usersSeen = new HashSet<>();
        for (String zone : ZONE_NAMES) {
            for (JsonNode user : documents(rendered.resolve(zone + ".yaml"))) {
                if (!user.at("/kind").asText().equals("KafkaUser")) {
                    continue;
                }
                String name = user.at("/metadata/name").asText();
                usersSeen.add(name);
                assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
                assertThat(user.at("/spec/authorization/acls")).as("the ACLs stay").isNotEmpty();
                JsonNode ref = user.at("/spec/authentication/password/valueFrom/secretKeyRef");
                JsonNode secret = secretsByName.get(ref.path("name").asText());
                assertThat(secret).as("the Secret that KafkaUser " + name + " reads, " + ref).isNotNull();
                assertThat(secret.at("/metadata/labels/tributary.io~1zone").asText()).isEqualTo(zone);
                String encoded = secret.path("data").path(ref.path("key").asText()).asText();
                assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo(password(name));
            }
        }
        List<String> expectedUsers = new ArrayList<>();
        ZONE_NAMES.forEach(z -> List.of(Role.values()).forEach(r -> expectedUsers.add(ZonePrincipal.of(z, r).userName())));
        assertThat(usersSeen).containsExactlyInAnyOrderElementsOf(expectedUsers);
        // Nothing but the KafkaUsers' Secrets: not the platform's password.
        assertThat(secretsByName).hasSize(expectedUsers.size());

        assertThat(Files.getPosixFilePermissions(secretsYaml)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(secretsYaml);
        assertThat(text).doesNotContain("pw: of", "platform-pw-0");
        assertThat(out.toString()).contains(expectedUsers.size() + " user(s) of 2 zone(s)", secretsYaml.toString()).doesNotContain("pw: of");
        for (JsonNode secret : secretsByName.values()) {
            assertThat(out.toString()).doesNotContain(secret.at("/data/password").asText());
        }
    }

    @Test
    void withoutTheFlagStrimziGeneratesThePasswords() throws IOException {
        Path rendered = dir.resolve("zones");
        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", rendered.toString(), "--kinds", "users")).as(err.toString()).isZero();

        for (String zone : ZONE_NAMES) {
            for (JsonNode user : documents(rendered.resolve(zone + ".yaml"))) {
                assertThat(user.at("/spec/authentication").toString()).isEqualTo("{\"type\":\"scram-sha-512\"}");
            }
        }
    }

    @Test
    void passwordSecretsNeedUsersToRender() {
        assertThat(run("zones", "render", ZONES.toString(), "--strimzi", dir.resolve("zones").toString(), "--kinds", "topics",
                "--password-secrets")).isEqualTo(1);
        assertThat(err.toString()).contains("--password-secrets", "--kinds topics");
        assertThat(dir.resolve("zones")).doesNotExist();
    }

    @Test
    void aMissingPasswordIsRefusedNamingTheUsersAndNothingIsWritten() throws IOException {
        Path secrets = secretsWithout("hr-analyst", "finance-connect");
        Path secretsYaml = dir.resolve("password-secrets.yaml");

        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secrets.toString(), "-o", secretsYaml.toString()))
                .isEqualTo(1);

        assertThat(err.toString()).contains("hr-analyst", "finance-connect").doesNotContain("pw: of");
        assertThat(secretsYaml).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("secrets.json");
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path secrets = secretsWithout();
        Path secretsYaml = dir.resolve("password-secrets.yaml");
        Files.writeString(secretsYaml, "kept\n");

        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secrets.toString(), "-o", secretsYaml.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains(secretsYaml.toString(), "--force");
        assertThat(Files.readString(secretsYaml)).isEqualTo("kept\n");

        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secrets.toString(), "-o", secretsYaml.toString(),
                "--force")).as(err.toString()).isZero();
        assertThat(Files.readString(secretsYaml)).contains("finance-producer-password");
        assertThat(Files.getPosixFilePermissions(secretsYaml)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aMissingSecretsFileOrABadNamespaceIsRefused() {
        Path secrets = dir.resolve("nowhere/secrets.json");
        Path secretsYaml = dir.resolve("password-secrets.yaml");
        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secrets.toString(), "-o", secretsYaml.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("No secrets file", secrets.toString());
        assertThat(secrets).doesNotExist();

        assertThat(run("zones", "password-secrets", ZONES.toString(), "--secrets", secretsWithout().toString(), "-o", secretsYaml.toString(),
                "-n", "Data_Platform")).isEqualTo(1);
        assertThat(err.toString()).contains("namespace 'Data_Platform'");
        assertThat(secretsYaml).doesNotExist();
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        return YamlDocuments.read(file);
    }
}
