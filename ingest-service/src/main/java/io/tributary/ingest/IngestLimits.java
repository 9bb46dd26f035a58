package io.tributary.ingest;

import java.time.Duration;

/**
 * @param maxBodyBytes largest body accepted (413 above)
 * @param retryAfter   what {@code Retry-After} says on a 429
 */
public record IngestLimits(long maxBodyBytes, Duration retryAfter) {
}
