package io.tributary.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.security.credentials.Secret;

class PlatformPasswordFilesTest {
    private static final Secret OLD = Secret.of("old-Password_1");
    private static final Secret NEW = Secret.of("new-Password_2");

    @TempDir
    Path data;

    @Test
    void everyFileHoldingTheOldPasswordOrItsHashGetsTheNewOneOwnerOnly() throws Exception {
        PlatformLayout layout = new PlatformLayout(data);
        Files.createDirectories(layout.secrets());
        Files.writeString(layout.clientProperties(), "sasl.jaas.config=... username\\=\"tributary-platform\" password\\=\"old-Password_1\";\n"
                + "basic.auth.user.info=tributary-platform\\:old-Password_1\n");
        Path broker = layout.secrets().resolve("broker.properties");
        Files.writeString(broker, "user=tributary-platform\npassword=old-Password_1\n");
        Path users = layout.secrets().resolve("registry-users.properties");
        Files.writeString(users, "tributary-platform: SHA-256:" + sha256("old-Password_1") + ", admin\n"
                + "finance-producer: SHA-256:" + sha256("producer-pw") + ", write:finance.landing.*\n");
        Path connect = layout.secrets().resolve("finance-connect.properties");
        Files.writeString(connect, "sasl.jaas.config=... username\\=\"finance-connect\" password\\=\"connect-pw\";\n");
        Files.writeString(layout.secretsFile(), "{}");

        var files = PlatformPasswordFiles.ofSecretsFile(layout.secretsFile()).orElseThrow();
        assertThat(files.replace(OLD, NEW)).containsExactlyInAnyOrder(layout.clientProperties(), broker, users);

        assertThat(Files.readString(layout.clientProperties())).contains("password\\=\"new-Password_2\"", "tributary-platform\\:new-Password_2")
                .doesNotContain("old-Password_1");
        assertThat(Files.readString(broker)).isEqualTo("user=tributary-platform\npassword=new-Password_2\n");
        assertThat(Files.readString(users)).contains("tributary-platform: SHA-256:" + sha256("new-Password_2") + ", admin",
                "finance-producer: SHA-256:" + sha256("producer-pw")).doesNotContain(sha256("old-Password_1"));
        assertThat(Files.readString(connect)).contains("connect-pw");
        for (Path file : new Path[] {layout.clientProperties(), broker, users}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aSecretsFileOutsideALocalPlatformIsNotOne(@TempDir Path elsewhere) throws Exception {
        Path secrets = elsewhere.resolve("credentials.json");
        Files.writeString(secrets, "{}");
        assertThat(PlatformPasswordFiles.ofSecretsFile(secrets)).isEmpty();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
