package io.tributary.ingest;

/** What the service counts; the seam between the core and the metrics registry. */
public interface IngestMetrics {
    /**
     * @param zone      the zone posted to, or {@code "unknown"} when it is not one
     * @param errorCode null when the request was carried out
     */
    void request(String zone, String dataset, int status, String errorCode, int recordsWritten, int recordsFailed, long nanos);

    IngestMetrics NONE = (zone, dataset, status, errorCode, written, failed, nanos) -> { };
}
