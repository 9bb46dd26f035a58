package io.tributary.ingest.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.DescriptorException;

class DescriptorDatasetDirectoryTest {
    private static final Path ZONES = Path.of("src/test/resources/zones");

    @Test
    void aFolderServesEveryZoneAndItsDatasets() {
        DescriptorDatasetDirectory directory = DescriptorDatasetDirectory.load(ZONES);

        assertThat(directory.zones()).containsExactly("audit", "shop");
        assertThat(directory.hasDataset("shop", "orders")).isTrue();
        assertThat(directory.hasDataset("shop", "findings")).isFalse();
        assertThat(directory.hasDataset("nowhere", "orders")).isFalse();
        assertThat(directory.validatedInBatches("shop", "refunds")).isTrue();
        assertThat(directory.validatedInBatches("shop", "orders")).isFalse();
        assertThat(directory.datasetCount()).isEqualTo(3);
    }

    @Test
    void oneFileServesItsZoneOnly() {
        DescriptorDatasetDirectory directory = DescriptorDatasetDirectory.load(ZONES.resolve("audit.yaml"));
        assertThat(directory.zones()).containsExactly("audit");
    }

    @Test
    void aBrokenDescriptorStopsTheStartWithItsProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "zone: Bad Zone\ndatasets: []\n");
        assertThatThrownBy(() -> DescriptorDatasetDirectory.load(dir)).isInstanceOf(DescriptorException.class).hasMessageContaining("bad.yaml");
    }
}
