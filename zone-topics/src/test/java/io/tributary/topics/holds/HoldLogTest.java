package io.tributary.topics.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HoldLogTest {
    private final HoldLog finance = new HoldLog(Map.of("bootstrap.servers", "localhost:1"), "finance");

    @Test
    void eachZoneHasItsOwnTopics() {
        assertThat(finance.holdsTopic()).isEqualTo("_tributary.finance.holds");
        assertThat(finance.auditTopic()).isEqualTo("_tributary.finance.holds.audit");
        assertThat(new HoldLog(Map.of(), "hr").holdsTopic()).isEqualTo("_tributary.hr.holds");
    }

    @Test
    void anotherZonesHoldIsRefusedBeforeAnythingIsSent() {
        HoldEvent hrHold = new HoldEvent("hr", "departments", HoldEvent.Action.HOLD, "check", "steward@example.com", Instant.now());

        assertThatThrownBy(() -> finance.append(hrHold)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hr.departments").hasMessageContaining("_tributary.finance.holds");
    }
}
