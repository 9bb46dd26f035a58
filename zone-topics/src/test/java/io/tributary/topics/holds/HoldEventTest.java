package io.tributary.topics.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class HoldEventTest {
    @Test
    void roundTripsThroughJson() {
        HoldEvent event = new HoldEvent("finance", "expenses", HoldEvent.Action.HOLD, "totals \"off\"", "controller",
                Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(event.toJson()).contains("\"action\":\"hold\"").contains("\"at\":\"2024-05-01T10:00:00Z\"");
        assertThat(HoldEvent.fromJson(event.toJson())).isEqualTo(event);
        assertThat(event.key()).isEqualTo("finance.expenses");
    }

    @Test
    void badEventsSayWhatIsWrong() {
        assertThatThrownBy(() -> HoldEvent.fromJson("{\"zone\":\"finance\",\"dataset\":\"expenses\",\"action\":\"pause\",\"at\":\"x\"}"))
                .hasMessage("field action: 'pause' is not hold or release");
        assertThatThrownBy(() -> HoldEvent.fromJson("{\"zone\":\"finance\",\"action\":\"hold\"}"))
                .hasMessage("field dataset is missing or not text");
        assertThatThrownBy(() -> HoldEvent.fromJson("{\"zone\": ")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> new HoldEvent("Finance", "x", HoldEvent.Action.HOLD, "", "", Instant.EPOCH))
                .hasMessageContaining("is not <zone>.<dataset>");
    }
}
