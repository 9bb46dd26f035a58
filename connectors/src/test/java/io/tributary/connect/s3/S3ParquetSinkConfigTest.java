package io.tributary.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.partition.FieldEventTimeExtractor;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;

class S3ParquetSinkConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("s3.bucket", "lake");
        p.put("schema.registry.url", "http://localhost:8081");
        return p;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> p = minimal();
        p.put(key, value);
        return p;
    }

    @Test
    void defaults() {
        S3ParquetSinkConfig c = new S3ParquetSinkConfig(minimal());
        assertThat(c.s3Settings().region()).isEqualTo("us-east-1");
        assertThat(c.s3Settings().endpoint()).isEmpty();
        assertThat(c.s3Settings().accessKey()).isEmpty();
        assertThat(c.parquetSettings().codec()).isEqualTo(ParquetCodec.SNAPPY);
        assertThat(c.timezone().getId()).isEqualTo("UTC");
        assertThat(c.eventTimeExtractor()).isInstanceOf(RecordTimestampExtractor.class);
        assertThat(new S3ParquetSinkConfig(with("partition.field", "spent_at")).eventTimeExtractor())
                .isInstanceOf(FieldEventTimeExtractor.class);
    }

    @Test
    void badValuesNameThePropertyAndTheReason() {
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("s3.bucket", "Lake_Bucket")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.bucket").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("s3.endpoint", "localhost:9000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.endpoint").hasMessageContaining("http");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("schema.registry.url", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("flush.size", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("flush.size").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("rotate.interval.ms", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rotate.interval.ms").hasMessageContaining("-1");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("rotate.schedule.interval.ms", "abc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rotate.schedule.interval.ms");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("parquet.codec", "lzo")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("parquet.codec").hasMessageContaining("zstd");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("timezone", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("timezone");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("s3.part.size", "1048576")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.part.size");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(Map.of("schema.registry.url", "http://r")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.bucket");
    }

    @Test
    void accessKeyAndSecretGoTogether() {
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("aws.access.key.id", "AKIA")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("aws.secret.access.key");
        Map<String, String> both = with("aws.access.key.id", "AKIA");
        both.put("aws.secret.access.key", "s3cr3t");
        assertThat(new S3ParquetSinkConfig(both).s3Settings().secretKey()).contains("s3cr3t");
        ConfigValue secret = new S3ParquetSinkConnector().validate(with("aws.access.key.id", "AKIA")).configValues().stream()
                .filter(v -> v.name().equals("aws.secret.access.key")).findFirst().orElseThrow();
        assertThat(secret.errorMessages()).singleElement().asString().contains("must be set together");
    }

    @Test
    void connectorRefusesTopicsThatAreNotZoneTopics() {
        Map<String, String> p = with("topics", "finance.staging.expenses,orders");
        assertThatThrownBy(() -> new S3ParquetSinkConnector().start(p))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'orders'");
        Map<String, String> good = with("topics", "finance.staging.expenses");
        S3ParquetSinkConnector connector = new S3ParquetSinkConnector();
        connector.start(good);
        assertThat(connector.taskConfigs(2)).hasSize(2).allSatisfy(c -> assertThat(c).isEqualTo(good));
    }

    @Test
    void deadLetterQueueNeedsToleranceAndATopic() {
        Map<String, String> p = new HashMap<>();
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isFalse();
        p.put("errors.tolerance", "all");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).as("tolerance without a queue drops records").isFalse();
        p.put("errors.deadletterqueue.topic.name", "dlq");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isTrue();
        p.put("errors.tolerance", "none");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isFalse();
    }
}
