package io.tributary.registry.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KafkaConfigKeysTest {
    @Test
    void dottedKeysAndEnvironmentFormsAreCollectedDottedWinning() {
        Map<String, String> source = Map.of(
                "kafka.bootstrap.servers", "a:9092",
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "KAFKA_SASL_JAAS_CONFIG", "jaas",
                "kafka.security.protocol", "SASL_SSL",
                "kafkastore.topic", "_schemas",
                "quarkus.http.port", "8081");
        Map<String, String> collected = KafkaConfigKeys.collect(List.copyOf(source.keySet()),
                name -> Optional.ofNullable(source.get(name)));
        assertThat(collected).containsOnly(
                Map.entry("kafka.bootstrap.servers", "a:9092"),
                Map.entry("kafka.sasl.jaas.config", "jaas"),
                Map.entry("kafka.security.protocol", "SASL_SSL"));
    }
}
