package io.tributary.ingest;

/** The {@code error_code} of a refused request, and its HTTP status. */
public enum ErrorCode {
    ZONE_NOT_FOUND(404),
    DATASET_NOT_FOUND(404),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    BODY_TOO_LARGE(413),
    UNSUPPORTED_CONTENT_TYPE(415),
    MALFORMED_BODY(400),
    INVALID_BATCH_ID(400),
    INVALID_IDEMPOTENCY_KEY(400),
    /** The key was used before with another body. */
    IDEMPOTENCY_KEY_REUSED(422),
    /** The first request with this key is still being processed. */
    IDEMPOTENCY_KEY_IN_USE(409),
    /** The broker is slow or the producer's buffer is full: retry after {@code Retry-After} seconds. */
    BACK_PRESSURE(429),
    /** Kafka refused the zone's producer principal write access to the landing topic: the service's configuration or the ACLs are wrong. */
    LANDING_NOT_AUTHORIZED(500),
    /** Kafka did not accept the zone's producer credentials (a rotated or wrong password). */
    LANDING_AUTHENTICATION_FAILED(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
