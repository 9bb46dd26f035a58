package io.tributary.ingest.app;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.ingest.IngestMetrics;

/**
 * On /q/metrics: {@code tributary_ingest_requests_total{zone,dataset,status}},
 * {@code tributary_ingest_records_total{zone,dataset,outcome=written|failed}},
 * {@code tributary_ingest_errors_total{zone,dataset,error_code}} and the latency
 * {@code tributary_ingest_request_seconds{zone,dataset}}. Unknown zones and datasets count as
 * {@code unknown}, so that callers cannot grow the number of series.
 */
final class MicrometerIngestMetrics implements IngestMetrics {
    private final MeterRegistry registry;

    MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void request(String zone, String dataset, int status, String errorCode, int recordsWritten, int recordsFailed, long nanos) {
        Counter.builder("tributary.ingest.requests").description("Ingest requests answered, by HTTP status")
                .tags("zone", zone, "dataset", dataset, "status", Integer.toString(status)).register(registry).increment();
        if (recordsWritten > 0) {
            Counter.builder("tributary.ingest.records").description("Records written to landing, or that failed")
                    .tags("zone", zone, "dataset", dataset, "outcome", "written").register(registry).increment(recordsWritten);
        }
        if (recordsFailed > 0) {
            Counter.builder("tributary.ingest.records").description("Records written to landing, or that failed")
                    .tags("zone", zone, "dataset", dataset, "outcome", "failed").register(registry).increment(recordsFailed);
        }
        if (errorCode != null) {
            Counter.builder("tributary.ingest.errors").description("Refused ingest requests, by error code")
                    .tags("zone", zone, "dataset", dataset, "error_code", errorCode).register(registry).increment();
        }
        Timer.builder("tributary.ingest.request").description("Time to answer an ingest request")
                .tags("zone", zone, "dataset", dataset).publishPercentiles(0.5, 0.99).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
