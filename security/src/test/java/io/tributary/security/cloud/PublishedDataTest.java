package io.tributary.security.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.Stage;

class PublishedDataTest {

    @Test
    void anEntityIsPublishedFromOdsAndADatasetFromStaging(@TempDir Path dir) {
        PublishedData published = PublishedData.of(TestZones.write(dir));
        assertThat(published.publishedTo("audit")).containsExactly(new PublishedData.Item("finance", Stage.ODS, "expense"));
        assertThat(published.publishedTo("finance")).containsExactly(new PublishedData.Item("hr", Stage.STAGING, "departments"));
        assertThat(published.publishedTo("hr")).isEmpty();
    }

    @Test
    void aPublicationToAnUnknownZoneNamesFileLineAndZone(@TempDir Path dir) {
        var zones = TestZones.write(dir, "audti");
        assertThatThrownBy(() -> PublishedData.of(zones)).isInstanceOf(CloudPolicyException.class)
                .hasMessageContaining("finance.yaml:12:")
                .hasMessageContaining("publishes")
                .hasMessageContaining("to zone 'audti', which is not among the descriptors (zones: [audit, finance, hr])");
    }
}
