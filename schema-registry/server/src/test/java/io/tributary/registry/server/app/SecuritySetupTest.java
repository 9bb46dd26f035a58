package io.tributary.registry.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecuritySetupTest {
    @TempDir
    Path dir;

    @Test
    void aMissingUsersFileStartsWithNobodyAndIsPickedUpWhenWritten() throws Exception {
        Path file = dir.resolve("users");
        SecuritySetup setup = basic(file, Duration.ofMillis(20));
        try {
            assertThat(setup.authenticator().authenticate("admin", "pw")).isEmpty();
            Files.writeString(file, "admin: pw, admin\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (setup.authenticator().authenticate("admin", "pw").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(setup.authenticator().authenticate("admin", "pw")).isPresent();
        } finally {
            setup.stopWatching();
        }
    }

    @Test
    void reloadingOffNeedsTheFileAtStart() throws Exception {
        Path file = dir.resolve("users");
        assertThatThrownBy(() -> basic(file, Duration.ZERO)).hasMessageContaining(file.toString())
                .hasMessageContaining("authentication.users.reload-interval=0");
        Files.writeString(file, "admin: pw, admin\n");
        SecuritySetup setup = basic(file, Duration.ZERO);
        Files.writeString(file, "other: pw2\n");
        Thread.sleep(100);
        assertThat(setup.authenticator().authenticate("admin", "pw")).isPresent();
        setup.stopWatching();
    }

    @Test
    void aNegativeIntervalIsRefusedByName() {
        assertThatThrownBy(() -> basic(dir.resolve("users"), Duration.ofSeconds(-1)))
                .hasMessageContaining("authentication.users.reload-interval");
    }

    private static SecuritySetup basic(Path file, Duration reload) {
        return new SecuritySetup("BASIC", "SchemaRegistry", Optional.of(file.toString()), reload, true, "ZONE");
    }
}
