package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every application of the process does its work: the validator, the ods and analytical
 * applications and the hold watcher ({@link ProcessorsHealth#readiness}). Quarkus' own readiness
 * check adds which of the validator's topics are missing. The data also names the schema id each
 * dataset is validated with now (it changes when a new version is registered).
 */
@Readiness
@ApplicationScoped
public class ProcessorsReadiness implements HealthCheck {
    @Inject
    ProcessorApplications applications;

    @Inject
    ValidatorSetup setup;

    @Override
    public HealthCheckResponse call() {
        return ProcessorsHealth.readiness(applications.zone(), applications.statuses(), setup.stagingSchemaIds());
    }
}
