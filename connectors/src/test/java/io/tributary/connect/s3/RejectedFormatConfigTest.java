package io.tributary.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.parquet.ParquetFormat;
import io.tributary.model.TopicName;

/** format=rejected: Parquet under the stage's own folder, raw bytes in, no registry, Kafka-timestamp folders. */
class RejectedFormatConfigTest {
    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    /** A zone's rejected sink as the platform configures it (cli ZoneConnectors). */
    private static Map<String, String> rejectedSink() {
        Map<String, String> p = new HashMap<>();
        p.put("topics.regex", "finance\\.rejected\\..+");
        p.put("s3.bucket", "lake");
        p.put("format", "rejected");
        p.put("key.converter", BYTES);
        p.put("value.converter", BYTES);
        p.put("header.converter", BYTES);
        return p;
    }

    @Test
    void landsParquetInTheRejectedFolderWithoutARegistry() {
        S3ParquetSinkConfig config = new S3ParquetSinkConfig(rejectedSink());

        assertThat(config.rejected()).isTrue();
        assertThat(config.archive()).isFalse();
        assertThat(config.fileFormat()).isInstanceOf(ParquetFormat.class);
        assertThat(config.objectKeys().datasetPrefix(TopicName.parse("finance.rejected.expenses"))).isEqualTo("rejected/finance/expenses/");
        assertThat(config.schemaRegistryUrl()).isEmpty();
        assertThat(config.writerSettings("w").layout()).startsWith("time:daily:UTC");
        assertThat(new S3ParquetSinkConnector().validate(rejectedSink()).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void headerBytesMustBeKeptAsConsumed() {
        Map<String, String> props = rejectedSink();
        props.remove("header.converter");

        assertThatThrownBy(() -> new S3ParquetSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("header.converter").hasMessageContaining("format=rejected");
    }

    @Test
    void foldersComeFromTheKafkaTimestampOnly() {
        Map<String, String> props = rejectedSink();
        props.put("partition.field", "rejected_at");

        assertThatThrownBy(() -> new S3ParquetSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("partition.field").hasMessageContaining("format=rejected");
        props.remove("partition.field");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.converter").hasMessageContaining("format=rejected");
    }
}
