package io.tributary.registry.server.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects the {@code kafka.*} settings from the application's configuration. Environment
 * variables are accepted too, as {@code KAFKA_SASL_JAAS_CONFIG} for {@code kafka.sasl.jaas.config}
 * (Kafka client settings contain no underscores, so the mapping is unambiguous); a dotted name
 * wins over its environment form.
 */
final class KafkaConfigKeys {
    private KafkaConfigKeys() {
    }

    static Map<String, String> collect(Iterable<String> propertyNames, Function<String, Optional<String>> lookup) {
        Map<String, String> dotted = new HashMap<>();
        Map<String, String> fromEnvironment = new HashMap<>();
        for (String name : propertyNames) {
            if (name.startsWith("kafka.")) {
                lookup.apply(name).ifPresent(v -> dotted.put(name, v));
            } else if (name.startsWith("KAFKA_")) {
                String key = name.toLowerCase(Locale.ROOT).replace('_', '.');
                lookup.apply(name).ifPresent(v -> fromEnvironment.put(key, v));
            }
        }
        fromEnvironment.putAll(dotted);
        return fromEnvironment;
    }
}
