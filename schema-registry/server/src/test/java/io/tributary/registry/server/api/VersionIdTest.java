package io.tributary.registry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

class VersionIdTest {
    @Test
    void latestAndMinusOneMeanTheLatestVersion() {
        assertThat(VersionId.parse("latest").isLatest()).isTrue();
        assertThat(VersionId.parse("-1").isLatest()).isTrue();
        assertThat(VersionId.parse("3")).isEqualTo(new VersionId(3));
    }

    @Test
    void anythingElseIs42202() {
        for (String bad : new String[] {"0", "-2", "abc", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> VersionId.parse(bad))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VERSION);
                        assertThat(e.getMessage()).contains("'" + bad + "'");
                    });
        }
    }
}
