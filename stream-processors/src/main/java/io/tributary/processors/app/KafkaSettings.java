package io.tributary.processors.app;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka client settings for the validator's own clients beside Kafka Streams (replays), and
 * the base of every role's settings ({@link ProcessorRoles}): the {@code kafka.*} settings, with Kafka Streams'
 * bootstrap servers and any {@code kafka-streams.*} security settings on top, so that they reach
 * the cluster exactly as the topology does.
 */
@Singleton
public class KafkaSettings {
    private static final String STREAMS_BOOTSTRAP = "quarkus.kafka-streams.bootstrap-servers";
    private static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    private final Map<String, Object> settings;

    @Inject
    public KafkaSettings(@Identifier("default-kafka-broker") Map<String, Object> kafka, Config config) {
        Map<String, Object> s = new HashMap<>(kafka);
        String streamsBootstrap = config.getOptionalValue(STREAMS_BOOTSTRAP, String.class).orElse(DEFAULT_BOOTSTRAP);
        if (!streamsBootstrap.equals(DEFAULT_BOOTSTRAP) || !s.containsKey("bootstrap.servers")) {
            s.put("bootstrap.servers", streamsBootstrap);
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka-streams.") && isClientSecurity(name.substring("kafka-streams.".length()))) {
                config.getOptionalValue(name, String.class).ifPresent(v -> s.put(name.substring("kafka-streams.".length()), v));
            }
        }
        this.settings = Map.copyOf(s);
    }

    /** A key that says how a client authenticates or encrypts: it belongs to one identity. */
    static boolean isClientSecurity(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    public Map<String, Object> asMap() {
        return settings;
    }
}
