package io.tributary.ingest.idempotency;

/** An {@code Idempotency-Key} as the client sent it, scoped to the zone and dataset it posted to. */
public record IdempotencyKey(String zone, String dataset, String key) {
    /** Longest key accepted: a UUID or a client's own request id fits many times over. */
    public static final int MAX_LENGTH = 255;
}
