package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTopicsTest {
    @Test
    void eachZoneHasItsOwnBatchAndHoldTopics() {
        assertThat(PlatformTopics.batches("finance")).isEqualTo("_tributary.finance.batches");
        assertThat(PlatformTopics.holds("finance")).isEqualTo("_tributary.finance.holds");
        assertThat(PlatformTopics.holdsAudit("finance")).isEqualTo("_tributary.finance.holds.audit");
        assertThat(PlatformTopics.stewardTransactionalIdPrefix("hr")).isEqualTo("tributary-hr-steward-");
        assertThat(PlatformTopics.of("hr")).extracting(PlatformTopics.PlatformTopic::name)
                .containsExactly("_tributary.hr.batches", "_tributary.hr.holds", "_tributary.hr.holds.audit");
        assertThat(PlatformTopics.of("hr").get(1).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(PlatformTopics.of("hr").get(2).configs()).containsEntry("retention.ms", "-1");
        assertThat(PlatformTopics.of("hr").get(0).configs()).doesNotContainKey("cleanup.policy");
    }

    @Test
    void aZoneNameThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> PlatformTopics.batches("Fin.ance")).hasMessageContaining("zone name 'Fin.ance'");
        assertThatThrownBy(() -> PlatformTopics.holds(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
