package io.tributary.registry.server.app;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.kafka.KafkaClientSettings;
import io.tributary.registry.server.store.kafka.KafkaSchemaStore;
import io.tributary.registry.server.store.kafka.SchemaLogSettings;

/**
 * Builds the Kafka-backed store from configuration, starts it with the application (it reads the
 * schema topic in the background; readiness reports when it is done) and closes it on shutdown.
 */
@Singleton
public class SchemaStoreLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaStoreLifecycle.class);

    private final KafkaSchemaStore store;
    private final String topic;

    SchemaStoreLifecycle(Config config,
            @ConfigProperty(name = "kafkastore.topic", defaultValue = "_schemas") String topic,
            @ConfigProperty(name = "kafkastore.topic.replication.factor", defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = "kafkastore.timeout.ms", defaultValue = "10000") long timeoutMs) {
        Map<String, String> kafka = KafkaConfigKeys.collect(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
        if (!kafka.containsKey("kafka.bootstrap.servers")) {
            throw new IllegalStateException("Set kafka.bootstrap.servers to the Kafka cluster that holds the schema topic, "
                    + "for example -Dkafka.bootstrap.servers=localhost:9092");
        }
        this.topic = topic;
        this.store = new KafkaSchemaStore(KafkaClientSettings.fromPrefixed(kafka),
                new SchemaLogSettings(topic, replicationFactor, Duration.ofMillis(timeoutMs)));
    }

    @Produces
    @Singleton
    SchemaStore schemaStore() {
        return store;
    }

    void onStart(@Observes StartupEvent event, MeterRegistry meters) {
        Gauge.builder("tributary.registry.schemas", store, SchemaStore::schemaCount)
                .description("Distinct schemas (ids) known to the registry").register(meters);
        Gauge.builder("tributary.registry.ready", store, s -> s.isReady() ? 1 : 0)
                .description("1 once the store has caught up with " + topic).register(meters);
        store.start();
        LOG.info("Schema registry started; its store reads topic {}", topic);
    }

    void onStop(@Observes ShutdownEvent event) {
        store.close();
    }
}
