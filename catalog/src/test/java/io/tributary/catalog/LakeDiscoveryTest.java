package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.Stage;

class LakeDiscoveryTest {

    @Test
    void findsDatasetFoldersHoldingParquetFilesInTheAskedStages(@TempDir Path lake) throws Exception {
        Lake.build(lake);

        assertThat(LakeDiscovery.discover(lake, EnumSet.allOf(Stage.class))).extracting(TableLocation::toString)
                .containsExactly(
                        "audit_analytical.logins (" + lake.resolve("analytical/audit/logins") + ")",
                        "finance_landing.expenses (" + lake.resolve("landing/finance/expenses") + ")",
                        "finance_staging.expenses (" + lake.resolve("staging/finance/expenses") + ")");
        assertThat(LakeDiscovery.discover(lake, EnumSet.of(Stage.STAGING, Stage.REJECTED)))
                .singleElement().satisfies(t -> {
                    assertThat(t.zone()).isEqualTo("finance");
                    assertThat(t.stage()).isEqualTo(Stage.STAGING);
                    assertThat(t.database()).isEqualTo("finance_staging");
                    assertThat(t.table()).isEqualTo("expenses");
                });
    }

    @Test
    void missingStageFoldersAreNoTables(@TempDir Path lake) {
        assertThat(LakeDiscovery.discover(lake, EnumSet.allOf(Stage.class))).isEmpty();
        assertThat(LakeDiscovery.discover(lake.resolve("nowhere"), EnumSet.allOf(Stage.class))).isEmpty();
    }
}
