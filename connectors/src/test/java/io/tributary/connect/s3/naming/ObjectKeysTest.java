package io.tributary.connect.s3.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.model.TopicName;

class ObjectKeysTest {
    private final TopicName topic = TopicName.parse("finance.staging.expenses");

    @Test
    void keyFollowsTheLakeLayoutWithA20DigitStartOffset() {
        assertThat(ObjectKeys.key(topic, "dt=2024-05-01", 3, 42))
                .isEqualTo("staging/finance/expenses/dt=2024-05-01/finance.staging.expenses+3+00000000000000000042.parquet");
        assertThat(ObjectKeys.key(topic, "dt=2024-05-01", 0, Long.MAX_VALUE)).endsWith("+0+09223372036854775807.parquet");
    }

    @Test
    void namesSortByOffset() {
        String nine = ObjectKeys.fileName("a.staging.b", 0, 9);
        String ten = ObjectKeys.fileName("a.staging.b", 0, 10);
        assertThat(nine.compareTo(ten)).isNegative();
    }

    @Test
    void parseReadsBackTopicPartitionAndStartOffset() {
        String key = ObjectKeys.key(topic, "dt=2024-05-01", 7, 1234);
        assertThat(ObjectKeys.parse(key)).contains(new ObjectName(key, "finance.staging.expenses", 7, 1234));
    }

    @Test
    void parseIgnoresObjectsThatAreNotOurs() {
        assertThat(ObjectKeys.parse("staging/finance/expenses/dt=2024-05-01/part-0001.parquet")).isEmpty();
        assertThat(ObjectKeys.parse("staging/finance/expenses/_SUCCESS")).isEmpty();
        assertThat(ObjectKeys.parse("staging/finance/expenses/dt=2024-05-01/finance.staging.expenses+0+42.parquet")).isEmpty();
    }

    @Test
    void datasetPrefixIsTheTableLocation() {
        assertThat(ObjectKeys.datasetPrefix(topic)).isEqualTo("staging/finance/expenses/");
    }

    @Test
    void negativeOffsetIsRefused() {
        assertThatThrownBy(() -> ObjectKeys.key(topic, "dt=2024-05-01", 0, -1)).hasMessageContaining("-1");
    }
}
