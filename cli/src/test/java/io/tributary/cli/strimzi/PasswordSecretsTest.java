package io.tributary.cli.strimzi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.credentials.Secret;

/** Secrets Kubernetes would refuse are refused here, before any password is looked at. */
class PasswordSecretsTest {
    @Test
    void aZoneWhoseNameHoldsAnUnderscoreCannotNameSecrets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("things.avsc"), "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        Files.writeString(dir.resolve("human_resources.yaml"), """
                zone: human_resources
                owners: [a@example.com]
                steward: s@example.com
                datasets:
                  - name: things
                    schema: things.avsc
                    keyField: id
                """);
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);

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
