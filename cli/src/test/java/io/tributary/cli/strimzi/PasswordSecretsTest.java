package io.tributary.cli.strimzi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.credentials.Secret;

/** Secrets Kubernetes would refuse are refused here, before any password is looked at. */
class PasswordSecretsTest {
    @Test
    void aZoneWhoseNameHoldsAnUnderscoreCannotNameSecrets(@TempDir Path dir) throws IOException {
        List<ZoneDescriptor> zones = OneDatasetZone.write(dir, "human_resources");

        assertThatThrownBy(() -> new PasswordSecrets(user -> Optional.of(Secret.of("pw")), null).of(zones))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("human_resources-producer-password")
                .hasMessageContaining("'_'");
    }

    @Test
    void aNamespaceMustBeAKubernetesName() {
        assertThatThrownBy(() -> new PasswordSecrets(user -> Optional.empty(), "data.platform"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace 'data.platform'");
        assertThat(new PasswordSecrets(user -> Optional.empty(), "data-platform")).isNotNull();
    }
}
