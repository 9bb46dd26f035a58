package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.security.Role;
import io.tributary.security.credentials.Secret;

/** `tributary zones registry-users`: the registry's users file (the chart's users Secret) from a secrets file. */
class RegistryUsersCommandTest extends CliCommandTest {
    private static final Path ZONES = ExampleZonesSecrets.ZONES;
    private static final List<String> ZONE_NAMES = ExampleZonesSecrets.ZONE_NAMES;

    @TempDir
    Path dir;

    /** A secrets file with a password for the platform and every role of the example zones, but {@code without}. */
    private Path secretsWithout(String... without) {
        return ExampleZonesSecrets.write(dir.resolve("secrets.json"), user -> "pw-of-" + user, without);
    }

    @Test
    void writesEveryZoneRoleWithItsGrantsAndHashedPasswordOwnerOnly() throws IOException, NoSuchAlgorithmException {
        Path secrets = secretsWithout();
        Path users = dir.resolve("out/users.properties");

        assertThat(run("zones", "registry-users", ZONES.toString(), "--secrets", secrets.toString(), "-o", users.toString()))
                .as(err.toString()).isZero();

        String text = Files.readString(users);
        assertThat(text).contains("tributary-platform: SHA-256:", "finance-producer: SHA-256:", "hr-steward: SHA-256:");
        assertThat(line(text, "finance-validator")).contains("write:finance.staging.*", "read:finance.landing.*");
        assertThat(line(text, "finance-connect")).contains("read:finance.staging.*").doesNotContain("write:");
        // finance reads hr's published departments, the subjects of that one topic.
        assertThat(line(text, "finance-analyst")).contains("read:hr.staging.departments-*");
        assertThat(line(text, "finance-producer")).contains("SHA-256:" + sha256("pw-of-finance-producer"));
        assertThat(text).doesNotContain("pw-of-", "platform-pw-0");
        assertThat(text.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(1 + ZONE_NAMES.size() * Role.values().length);
        assertThat(Files.getPosixFilePermissions(users)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString()).contains("2 zone(s)", users.toString()).doesNotContain("pw-of-");
    }

    @Test
    void aMissingPasswordIsRefusedNamingTheUsersAndNothingIsWritten() throws IOException {
        Path secrets = secretsWithout("hr-analyst", "finance-connect");
        Path users = dir.resolve("users.properties");

        assertThat(run("zones", "registry-users", ZONES.toString(), "--secrets", secrets.toString(), "-o", users.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("hr-analyst", "finance-connect").doesNotContain("pw-of-");
        assertThat(users).doesNotExist();
        // Not even a temporary file: the users are checked before anything is written.
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("secrets.json");
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path secrets = secretsWithout();
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "kept\n");

        assertThat(run("zones", "registry-users", ZONES.toString(), "--secrets", secrets.toString(), "-o", users.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(users.toString(), "--force");
        assertThat(Files.readString(users)).isEqualTo("kept\n");

        assertThat(run("zones", "registry-users", ZONES.toString(), "--secrets", secrets.toString(), "-o", users.toString(), "--force"))
                .isZero();
        assertThat(Files.readString(users)).contains("finance-producer: SHA-256:");
    }

    @Test
    void aMissingSecretsFileIsRefusedAndNotCreated() {
        Path secrets = dir.resolve("nowhere/secrets.json");
        assertThat(run("zones", "registry-users", ZONES.toString(), "--secrets", secrets.toString(),
                "-o", dir.resolve("users.properties").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("No secrets file", secrets.toString());
        assertThat(secrets).doesNotExist();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(String text, String user) {
        return text.lines().filter(l -> l.startsWith(user + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no line of " + user + " in\n" + text));
    }
}
