package io.tributary.processors.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka client settings every Tributary component takes ({@code bootstrap.servers},
 * {@code security.protocol}, {@code sasl.*}, {@code ssl.*}), given to this application as
 * {@code kafka.*} keys (or {@code KAFKA_*} environment variables). Quarkus' own default for this bean
 * takes everything starting with "kafka", which would also copy the {@code kafka-streams.*} keys
 * under mangled names and add a {@code group.id}; this one takes exactly the {@code kafka.} keys.
 * Kafka Streams applies {@code quarkus.kafka-streams.*} and {@code kafka-streams.*} on top.
 */
@Singleton
public class KafkaClientProperties {
    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    @Produces
    @Singleton
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientSettings(Config config) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String key = clientKey(name);
            if (key != null) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(key, value));
            }
        }
        return settings;
    }

    static String clientKey(String propertyName) {
        if (propertyName.startsWith(PREFIX) && propertyName.length() > PREFIX.length()) {
            return propertyName.substring(PREFIX.length());
        }
        if (propertyName.startsWith(ENV_PREFIX) && propertyName.length() > ENV_PREFIX.length()
                && !propertyName.startsWith("KAFKA_STREAMS_")) {
            return propertyName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }
}
