package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless an application of the process was stopped by a failure ({@link ProcessorsHealth#liveness}). */
@Liveness
@ApplicationScoped
public class ProcessorsLiveness implements HealthCheck {
    @Inject
    ProcessorApplications applications;

    @Override
    public HealthCheckResponse call() {
        return ProcessorsHealth.liveness(applications.zone(), applications.statuses());
    }
}
