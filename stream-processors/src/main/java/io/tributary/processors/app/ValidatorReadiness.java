package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the Kafka Streams client runs (or rebalances): topics exist, schemas are known and
 * records flow. Quarkus' own readiness check adds which of the topics are missing. The data names
 * the schema id each dataset is validated with now (it changes when a new version is registered).
 */
@Readiness
@ApplicationScoped
public class ValidatorReadiness implements HealthCheck {
    @Inject
    KafkaStreams streams;

    @Inject
    ValidatorSetup setup;

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Tributary zone validator")
                .status(state.isRunningOrRebalancing())
                .withData("zone", setup.zone())
                .withData("state", state.name());
        setup.stagingSchemaIds().forEach((dataset, id) -> response.withData("dataset." + dataset + ".schemaId", id));
        return response.build();
    }
}
