package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNameTest {
    @Test
    void formatsAndParsesTopicsAndSubjects() {
        TopicName topic = TopicName.of("finance", Stage.STAGING, "expenses");
        assertThat(topic).hasToString("finance.staging.expenses");
        assertThat(topic.valueSubject()).isEqualTo("finance.staging.expenses-value");
        assertThat(TopicName.parse("finance.rejected.expenses")).isEqualTo(topic.withStage(Stage.REJECTED));
    }

    @Test
    void rejectsMalformedTopics() {
        assertThatThrownBy(() -> TopicName.parse("finance.expenses")).hasMessageContaining("<zone>.<stage>.<dataset>");
        assertThatThrownBy(() -> TopicName.parse("finance.gold.expenses")).hasMessageContaining("unknown stage 'gold'");
        assertThatThrownBy(() -> TopicName.parse("Finance.staging.expenses")).hasMessageContaining("zone name 'Finance'");
    }

    @Test
    void retentionParsesUnitsAndForever() {
        assertThat(Retention.parse("7d").ms()).isEqualTo(604_800_000L);
        assertThat(Retention.parse("2w").ms()).isEqualTo(1_209_600_000L);
        assertThat(Retention.parse("500ms").ms()).isEqualTo(500L);
        assertThat(Retention.parse("forever").isForever()).isTrue();
        assertThatThrownBy(() -> Retention.parse("0d")).hasMessageContaining("zero");
        assertThatThrownBy(() -> Retention.parse("seven days")).hasMessageContaining("not a retention");
    }
}
