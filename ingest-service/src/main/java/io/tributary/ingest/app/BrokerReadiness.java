package io.tributary.ingest.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the Kafka cluster answers: before that, every request would end in 429. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private final Admin admin;

    @Inject
    public BrokerReadiness(Config config) {
        Map<String, Object> settings = new HashMap<>();
        KafkaProducerSettings.from(config).forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                settings.put(k, v);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-ingest-health");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        this.admin = Admin.create(settings);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String cluster = admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
            return HealthCheckResponse.named("kafka").up().withData("cluster", cluster).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("problem", String.valueOf(e.getMessage())).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
