package io.tributary.registry.server.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.tributary.registry.server.store.SchemaStore;

/** Down when the store has stopped for good (e.g. a schema topic with the wrong layout): restart needed. */
@Liveness
@ApplicationScoped
public class StoreLivenessCheck implements HealthCheck {
    @Inject
    SchemaStore store;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("schema-store-reader").status(store.isAlive());
        if (!store.isAlive()) {
            store.problem().ifPresent(p -> response.withData("problem", p));
        }
        return response.build();
    }
}
