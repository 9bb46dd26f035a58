package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    @Test
    void takesExactlyTheKafkaClientKeys() {
        assertThat(KafkaClientProperties.clientKey("kafka.security.protocol")).isEqualTo("security.protocol");
        assertThat(KafkaClientProperties.clientKey("kafka.sasl.jaas.config")).isEqualTo("sasl.jaas.config");
        assertThat(KafkaClientProperties.clientKey("KAFKA_SASL_MECHANISM")).isEqualTo("sasl.mechanism");
        assertThat(KafkaClientProperties.clientKey("kafka-streams.processing.guarantee")).isNull();
        assertThat(KafkaClientProperties.clientKey("KAFKA_STREAMS_NUM_STREAM_THREADS")).isNull();
        assertThat(KafkaClientProperties.clientKey("kafka.")).isNull();
        assertThat(KafkaClientProperties.clientKey("quarkus.kafka-streams.topics")).isNull();
    }
}
