package io.tributary.processors.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * The health group {@code validator} ({@code /q/health/group/validator}): UP once the zone's validator
 * takes landing records, whatever the ods and analytical applications are doing. A start-up can go on
 * (send data, start the next component) from there, while {@code /q/health/ready} waits for every
 * application of the process.
 */
@HealthGroup(ValidatorStarted.GROUP)
@ApplicationScoped
public class ValidatorStarted implements HealthCheck {
    public static final String GROUP = "validator";

    @Inject
    ProcessorApplications applications;

    @Inject
    ValidatorSetup setup;

    @Override
    public HealthCheckResponse call() {
        return ProcessorsHealth.readiness(applications.zone(), List.of(applications.validator().status()), setup.stagingSchemaIds());
    }
}
