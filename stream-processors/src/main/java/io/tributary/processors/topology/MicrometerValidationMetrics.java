package io.tributary.processors.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.processors.validation.RejectReason;

/**
 * Micrometer counters {@code tributary.validator.records.valid} (tags zone, dataset) and
 * {@code tributary.validator.records.rejected} (tags zone, dataset, reason); in Prometheus
 * {@code tributary_validator_records_valid_total} and {@code tributary_validator_records_rejected_total}.
 */
public final class MicrometerValidationMetrics implements ValidationMetrics {
    public static final String VALID = "tributary.validator.records.valid";
    public static final String REJECTED = "tributary.validator.records.rejected";

    private final MeterRegistry registry;
    private final String zone;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public MicrometerValidationMetrics(MeterRegistry registry, String zone) {
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void valid(String dataset) {
        counters.computeIfAbsent(dataset, d -> Counter.builder(VALID)
                .description("Landing records approved into staging")
                .tag("zone", zone).tag("dataset", d)
                .register(registry)).increment();
    }

    @Override
    public void rejected(String dataset, RejectReason reason) {
        counters.computeIfAbsent(dataset + "/" + reason, k -> Counter.builder(REJECTED)
                .description("Landing records rejected, by reason")
                .tag("zone", zone).tag("dataset", dataset).tag("reason", reason.name())
                .register(registry)).increment();
    }
}
