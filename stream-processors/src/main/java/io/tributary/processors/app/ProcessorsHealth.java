package io.tributary.processors.app;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * What the processors' health checks answer, from the statuses of every application of the process.
 * SmallRye Health keeps only flat string, number and boolean data, so each application is a group of
 * keys {@code <applicationId>.role|principal|state|cause}.
 */
public final class ProcessorsHealth {
    static final String READINESS = "Tributary zone processors";
    static final String LIVENESS = "Tributary zone processors alive";

    private ProcessorsHealth() {
    }

    /**
     * UP when every application does its work (Kafka Streams RUNNING or REBALANCING, the hold watcher
     * following); DOWN while one is not started yet, or has stopped, naming it in {@code notReady}.
     *
     * @param schemaIds dataset → the registry id of the staging schema the validator uses now
     */
    public static HealthCheckResponse readiness(String zone, List<ApplicationStatus> applications, Map<String, Integer> schemaIds) {
        List<String> notReady = applications.stream().filter(a -> !a.ready()).map(ApplicationStatus::applicationId).toList();
        HealthCheckResponseBuilder response = describe(HealthCheckResponse.named(READINESS).status(notReady.isEmpty()), zone, applications);
        if (!notReady.isEmpty()) {
            response.withData("notReady", String.join(",", notReady));
        }
        schemaIds.forEach((dataset, id) -> response.withData("dataset." + dataset + ".schemaId", id));
        return response.build();
    }

    /**
     * DOWN only when an application was stopped by a failure (Kafka Streams PENDING_ERROR or ERROR, the
     * hold watcher failed to start): nothing in the process starts it again, a restart may. Waiting for
     * topics, rebalancing and a replaced stream thread are alive.
     */
    public static HealthCheckResponse liveness(String zone, List<ApplicationStatus> applications) {
        List<ApplicationStatus> failed = applications.stream().filter(ApplicationStatus::failed).toList();
        HealthCheckResponseBuilder response = describe(HealthCheckResponse.named(LIVENESS).status(failed.isEmpty()), zone, failed);
        if (!failed.isEmpty()) {
            response.withData("failed", failed.stream().map(ApplicationStatus::applicationId).collect(Collectors.joining(",")));
        }
        return response.build();
    }

    private static HealthCheckResponseBuilder describe(HealthCheckResponseBuilder response, String zone, List<ApplicationStatus> applications) {
        response.withData("zone", zone).withData("applications", applications.size());
        for (ApplicationStatus a : applications) {
            String key = a.applicationId() + ".";
            response.withData(key + "role", a.role().id())
                    .withData(key + "principal", a.principal())
                    .withData(key + "state", a.state());
            if (a.failed()) {
                response.withData(key + "cause", a.lastFailure().orElse("unknown (see the log)"));
            } else if (a.threadsReplaced() > 0) {
                response.withData(key + "threadsReplaced", a.threadsReplaced());
                a.lastFailure().ifPresent(f -> response.withData(key + "lastFailure", f));
            }
        }
        return response;
    }
}
