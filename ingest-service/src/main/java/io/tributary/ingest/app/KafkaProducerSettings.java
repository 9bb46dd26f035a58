package io.tributary.ingest.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

/**
 * The producer's settings: every {@code kafka.<key>} property (or {@code KAFKA_<KEY>} environment
 * variable), passed to the Kafka producer as {@code <key>}. That is where the platform's shared
 * client settings ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}) and the producer's bounds ({@code max.block.ms}, {@code delivery.timeout.ms},
 * {@code buffer.memory}) come from.
 */
final class KafkaProducerSettings {
    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    private KafkaProducerSettings() {
    }

    static Map<String, Object> from(Config config) {
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
        if (propertyName.startsWith(ENV_PREFIX) && propertyName.length() > ENV_PREFIX.length()) {
            return propertyName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }
}
