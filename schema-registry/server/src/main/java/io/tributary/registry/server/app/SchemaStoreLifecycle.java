package io.tributary.registry.server.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
import io.tributary.registry.server.leader.KafkaLeaderElection;
import io.tributary.registry.server.leader.Leadership;
import io.tributary.registry.server.schema.AvroSchemaParser;
import io.tributary.registry.server.schema.SchemaValidator;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.kafka.KafkaClientSettings;
import io.tributary.registry.server.store.kafka.KafkaSchemaStore;
import io.tributary.registry.server.store.kafka.SchemaLogSettings;

/**
 * Builds the Kafka-backed store and the leader election from configuration, starts them with the
 * application (the store reads the schema topic in the background, readiness reports when it is
 * done; the instance then joins the election) and closes them on shutdown, leaving the group
 * at once so that another instance takes over without waiting.
 */
@Singleton
public class SchemaStoreLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaStoreLifecycle.class);

    private final KafkaSchemaStore store;
    private final KafkaLeaderElection election;
    private final String topic;

    SchemaStoreLifecycle(Config config,
            @ConfigProperty(name = "kafkastore.topic", defaultValue = "_schemas") String topic,
            @ConfigProperty(name = "kafkastore.topic.replication.factor", defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = "kafkastore.timeout.ms", defaultValue = "10000") long timeoutMs,
            @ConfigProperty(name = "kafkastore.transactional.id") Optional<String> transactionalId,
            @ConfigProperty(name = "schema.registry.group.id", defaultValue = "schema-registry") String groupId,
            @ConfigProperty(name = "leader.eligibility", defaultValue = "true") boolean eligible,
            @ConfigProperty(name = "leader.session.timeout.ms", defaultValue = "10000") long sessionTimeoutMs,
            @ConfigProperty(name = "host.name", defaultValue = "localhost") String hostName,
            @ConfigProperty(name = "inter.instance.protocol", defaultValue = "http") String protocol,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8081") int port,
            @ConfigProperty(name = "schema.max.bytes", defaultValue = "" + AvroSchemaParser.DEFAULT_MAX_SCHEMA_BYTES) int maxSchemaBytes) {
        Map<String, String> kafka = KafkaConfigKeys.collect(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
        if (!kafka.containsKey("kafka.bootstrap.servers")) {
            throw new IllegalStateException("Set kafka.bootstrap.servers to the Kafka cluster that holds the schema topic, "
                    + "for example -Dkafka.bootstrap.servers=localhost:9092");
        }
        this.topic = topic;
        KafkaClientSettings clients = KafkaClientSettings.fromPrefixed(kafka);
        String selfUrl = protocol + "://" + hostName + ":" + port;
        // The store is created after the election, which asks it (lazily) whether it has caught up.
        KafkaSchemaStore[] holder = new KafkaSchemaStore[1];
        this.election = new KafkaLeaderElection(clients, groupId, topic, selfUrl, eligible,
                Duration.ofMillis(sessionTimeoutMs), () -> holder[0] != null && holder[0].isReady());
        this.store = new KafkaSchemaStore(clients,
                new SchemaLogSettings(topic, replicationFactor, Duration.ofMillis(timeoutMs), transactionalId.orElse(null)),
                election, new SchemaValidator(new AvroSchemaParser(maxSchemaBytes)));
        holder[0] = store;
    }

    @Produces
    @Singleton
    SchemaStore schemaStore() {
        return store;
    }

    @Produces
    @Singleton
    Leadership leadership() {
        return election;
    }

    void onStart(@Observes StartupEvent event, MeterRegistry meters) {
        Gauge.builder("tributary.registry.schemas", store, SchemaStore::schemaCount)
                .description("Distinct schemas (ids) known to the registry").register(meters);
        Gauge.builder("tributary.registry.ready", store, s -> s.isReady() ? 1 : 0)
                .description("1 once the store has caught up with " + topic).register(meters);
        Gauge.builder("tributary.registry.leader", election, e -> e.isLeader() ? 1 : 0)
                .description("1 while this instance is the elected writer of " + topic).register(meters);
        store.start();
        election.start();
        LOG.info("Schema registry started as {}; its store reads topic {}", election.selfUrl(), topic);
    }

    void onStop(@Observes ShutdownEvent event) {
        election.close();
        store.close();
    }
}
