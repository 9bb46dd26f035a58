package io.tributary.security.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileAndKeepsPasswordsAcrossOpens() throws Exception {
        Path file = dir.resolve("secrets").resolve("credentials.json");
        CredentialStore store = CredentialStore.open(file);
        Secret password = new PasswordGenerator().next();
        store.put("finance-producer", password);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        CredentialStore reopened = CredentialStore.open(file);
        assertThat(reopened.require("finance-producer")).isEqualTo(password);
        assertThat(reopened.users()).containsExactly("finance-producer");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void refusesAFileOthersCanReadNamingTheFileItsPermissionsAndTheFix() throws Exception {
        Path file = dir.resolve("credentials.json");
        CredentialStore.open(file).put("finance-producer", Secret.of("s3cret-value-xyz"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> CredentialStore.open(file))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining("s3cret-value-xyz");
    }

    @Test
    void refusesAFileTheGroupCanWrite() throws Exception {
        Path file = dir.resolve("credentials.json");
        CredentialStore.open(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> CredentialStore.open(file)).isInstanceOf(CredentialException.class).hasMessageContaining("rw--w----");
    }

    @Test
    void aMissingUserOrABrokenFileIsAClearErrorWithoutTheFilesContent() throws Exception {
        Path file = dir.resolve("credentials.json");
        CredentialStore store = CredentialStore.open(file);
        assertThatThrownBy(() -> store.require("hr-analyst"))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("No password for user hr-analyst in " + file);

        Files.writeString(file, "{\"users\": {\"a-analyst\": \"leaked-if-shown\" ");
        assertThatThrownBy(() -> CredentialStore.open(file))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("is not valid JSON (line 1")
                .hasMessageNotContaining("leaked-if-shown");
    }

    @Test
    void neverShowsAPassword() {
        Path file = dir.resolve("credentials.json");
        CredentialStore store = CredentialStore.open(file);
        Secret secret = Secret.of("very-secret-password");
        store.put("finance-analyst", secret);

        assertThat(secret.toString()).doesNotContain("very-secret");
        assertThat(store.toString()).contains("finance-analyst").doesNotContain("very-secret");
        ClientConfig config = new ClientConfigs(store).forRole("finance", io.tributary.security.Role.ANALYST, "localhost:9092",
                "http://localhost:8081");
        assertThat(config.toString()).contains("finance-analyst", "[hidden]").doesNotContain("very-secret");
    }

    @Test
    void generatesDistinctStrongPasswords() {
        PasswordGenerator generator = new PasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = generator.next().reveal();
            assertThat(password).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }
}
