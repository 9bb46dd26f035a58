package io.tributary.ingest.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.ingest.identity.KafkaIdentity;
import io.tributary.ingest.identity.ZoneProducers;

/**
 * Ready once the Kafka cluster answers every producer identity: the shared one and each zone's own.
 * Before that, every request would end in 429, or in 500 for a zone whose credentials are refused.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerReadiness.class);

    private final List<IdentityCheck> checks = new ArrayList<>();

    @Inject
    public BrokerReadiness(ZoneProducers producers) {
        checks.add(new IdentityCheck(producers.sharedIdentity(), "tributary-ingest-health"));
        producers.zoneIdentities().forEach((zone, identity) -> checks.add(new IdentityCheck(identity, "tributary-ingest-health-" + zone)));
    }

    @Override
    public synchronized HealthCheckResponse call() {
        checks.forEach(IdentityCheck::start);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").up();
        for (IdentityCheck check : checks) {
            String problem = check.problem();
            String zone = check.identity.zone().orElse(null);
            if (problem == null) {
                if (zone == null) {
                    response.withData("cluster", check.clusterId);
                } else {
                    response.withData("zone." + zone, check.identity.principal() + ": ready");
                }
            } else {
                response.down().withData(zone == null ? "problem" : "zone." + zone, check.identity.principal() + ": " + problem);
            }
        }
        return response.build();
    }

    @PreDestroy
    void close() {
        checks.forEach(c -> c.admin.close(Duration.ofSeconds(2)));
    }

    /** One identity's connection: authenticated and answering, or why not (logged once per change, by principal only). */
    private static final class IdentityCheck {
        final KafkaIdentity identity;
        final Admin admin;
        KafkaFuture<String> pending;
        String clusterId;
        String lastProblem;

        IdentityCheck(KafkaIdentity identity, String clientId) {
            this.identity = identity;
            Map<String, Object> settings = new HashMap<>();
            identity.settings().forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    settings.put(k, v);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
            this.admin = Admin.create(settings);
        }

        /** Started for every identity before any is awaited, so that the probe takes one timeout, not one per zone. */
        void start() {
            pending = admin.describeCluster().clusterId();
        }

        String problem() {
            String problem;
            try {
                clusterId = pending.get(3, TimeUnit.SECONDS);
                problem = null;
            } catch (ExecutionException e) {
                problem = describe(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                problem = "no answer from the cluster within 3 s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "interrupted";
            }
            if (problem != null && !problem.equals(lastProblem)) {
                LOG.warn("Kafka does not answer {}: {}", identity.describe(), problem);
            } else if (problem == null && lastProblem != null) {
                LOG.info("Kafka answers {} again", identity.describe());
            }
            lastProblem = problem;
            return problem;
        }

        private String describe(Throwable cause) {
            if (cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return "authentication failed (" + identity.scrub(cause.getMessage()) + ")";
            }
            return cause.getClass().getSimpleName() + ": " + identity.scrub(cause.getMessage());
        }
    }
}
