package io.tributary.registry.server.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.tributary.registry.server.store.SchemaStore;

/** Ready once the store has read the whole schema topic: before that, answers could miss schemas. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {
    @Inject
    SchemaStore store;

    @ConfigProperty(name = "kafkastore.topic", defaultValue = "_schemas")
    String topic;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("schema-store")
                .status(store.isReady())
                .withData("topic", topic)
                .withData("schemas", store.schemaCount());
        store.problem().ifPresent(p -> response.withData("problem", p));
        return response.build();
    }
}
