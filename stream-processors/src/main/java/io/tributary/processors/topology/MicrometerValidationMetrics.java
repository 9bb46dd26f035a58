package io.tributary.processors.topology;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.processors.validation.RejectReason;

/**
 * The validator's decisions as Micrometer meters (Prometheus names in brackets), tagged with zone
 * and dataset: {@code tributary.validator.records.accepted} ({@code _accepted_total}),
 * {@code .rejected} with {@code reason}, {@code .warned} with {@code rule},
 * {@code tributary.validator.batches} with {@code outcome}, and the timer
 * {@code tributary.validator.latency} ({@code _latency_seconds}, with p50/p99) from the landing
 * record's timestamp to its verdict (in batch mode: to its batch's decision, which it waits for).
 */
public final class MicrometerValidationMetrics implements ValidationMetrics {
    public static final String ACCEPTED = "tributary.validator.records.accepted";
    public static final String REJECTED = "tributary.validator.records.rejected";
    public static final String WARNED = "tributary.validator.records.warned";
    public static final String BATCHES = "tributary.validator.batches";
    public static final String LATENCY = "tributary.validator.latency";

    private final MeterRegistry registry;
    private final String zone;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MicrometerValidationMetrics(MeterRegistry registry, String zone) {
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void accepted(String dataset) {
        counter(ACCEPTED, "Landing records approved into staging", dataset, null, null).increment();
    }

    @Override
    public void rejected(String dataset, RejectReason reason) {
        counter(REJECTED, "Landing records rejected, by reason", dataset, "reason", reason.name()).increment();
    }

    @Override
    public void warned(String dataset, String rule) {
        counter(WARNED, "Records that failed a warn rule and went on, by rule", dataset, "rule", rule).increment();
    }

    @Override
    public void batch(String dataset, String outcome) {
        counter(BATCHES, "Batches decided, by outcome", dataset, "outcome", outcome).increment();
    }

    @Override
    public void latency(String dataset, long millis) {
        timers.computeIfAbsent(dataset, d -> Timer.builder(LATENCY)
                .description("From the landing record's timestamp to its verdict")
                .tag("zone", zone).tag("dataset", d)
                .publishPercentiles(0.5, 0.99)
                .register(registry)).record(Duration.ofMillis(Math.max(0, millis)));
    }

    private Counter counter(String name, String description, String dataset, String tag, String value) {
        return counters.computeIfAbsent(name + "/" + dataset + "/" + value, k -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag("zone", zone).tag("dataset", dataset);
            if (tag != null) {
                builder.tag(tag, value);
            }
            return builder.register(registry);
        });
    }
}
