package io.tributary.ingest.publish;

/**
 * Headers the ingest service sets on every landing record (UTF-8 text), beside the shared ones of
 * {@link io.tributary.model.RejectHeaderNames} (batch id and end, CSV header).
 */
public final class IngestHeaderNames {
    /** How the record reached the platform: {@value #SOURCE_HTTP} here. */
    public static final String SOURCE = "tributary.source";
    public static final String SOURCE_HTTP = "http";
    /** The client's IP address as this service saw it (behind a proxy: see quarkus.http.proxy.*). */
    public static final String SOURCE_ADDRESS = "tributary.source.address";
    /** The request's id: the client's {@code X-Request-Id}, else one the service made up; returned in the answer. */
    public static final String REQUEST_ID = "tributary.request.id";
    /** The credential the request was accepted with ({@code <zone>/user:<name>}, {@code <zone>/token:<name>} or {@code anonymous}). */
    public static final String PRINCIPAL = "tributary.source.principal";

    private IngestHeaderNames() {
    }
}
