package io.tributary.connect.s3.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.model.TopicName;

class ObjectKeysTest {
    private final TopicName topic = TopicName.parse("finance.staging.expenses");
    private final ObjectKeys parquet = new ObjectKeys("", "parquet");
    private final ObjectKeys archive = new ObjectKeys("_raw", "avro");

    @Test
    void keyFollowsTheLakeLayoutWithA20DigitStartOffset() {
        assertThat(parquet.key(topic, "dt=2024-05-01", 3, 42))
                .isEqualTo("staging/finance/expenses/dt=2024-05-01/finance.staging.expenses+3+00000000000000000042.parquet");
        assertThat(parquet.key(topic, "dt=2024-05-01", 0, Long.MAX_VALUE)).endsWith("+0+09223372036854775807.parquet");
        assertThat(parquet.key(topic, "dt=2024-05-01/hr=07", 0, 1)).contains("/dt=2024-05-01/hr=07/");
    }

    @Test
    void archivesLiveUnderTheirOwnPrefix() {
        TopicName landing = TopicName.parse("finance.landing.expenses");
        assertThat(archive.key(landing, "dt=2024-05-01", 0, 5))
                .isEqualTo("_raw/landing/finance/expenses/dt=2024-05-01/finance.landing.expenses+0+00000000000000000005.avro");
        assertThat(archive.checkpointKey(landing, 2))
                .isEqualTo("_tributary/checkpoints/_raw/landing/finance/expenses/finance.landing.expenses+2.json");
    }

    @Test
    void namesSortByOffset() {
        String nine = parquet.fileName("a.staging.b", 0, 9);
        String ten = parquet.fileName("a.staging.b", 0, 10);
        assertThat(nine.compareTo(ten)).isNegative();
    }

    @Test
    void parseReadsBackFolderTopicPartitionAndStartOffset() {
        String key = parquet.key(topic, "dt=2024-05-01/hr=23", 7, 1234);
        assertThat(parquet.parse(topic, key)).contains(new ObjectName(key, "dt=2024-05-01/hr=23", "finance.staging.expenses", 7, 1234));
    }

    @Test
    void parseIgnoresObjectsThatAreNotOurs() {
        assertThat(parquet.parse(topic, "staging/finance/expenses/dt=2024-05-01/part-0001.parquet")).isEmpty();
        assertThat(parquet.parse(topic, "staging/finance/expenses/_SUCCESS")).isEmpty();
        assertThat(parquet.parse(topic, "staging/finance/expenses/dt=2024-05-01/finance.staging.expenses+0+42.parquet")).isEmpty();
        assertThat(parquet.parse(topic, archive.key(topic, "dt=2024-05-01", 0, 1))).as("another root").isEmpty();
        assertThat(parquet.parse(topic, "staging/finance/expenses/dt=1/finance.staging.expenses+0+00000000000000000001.avro")).isEmpty();
    }

    @Test
    void datasetPrefixIsTheTableLocation() {
        assertThat(parquet.datasetPrefix(topic)).isEqualTo("staging/finance/expenses/");
        assertThat(parquet.checkpointKey(topic, 0)).startsWith(ObjectKeys.STATE_ROOT).doesNotStartWith("staging/");
    }

    @Test
    void negativeOffsetIsRefused() {
        assertThatThrownBy(() -> parquet.key(topic, "dt=2024-05-01", 0, -1)).hasMessageContaining("-1");
    }
}
