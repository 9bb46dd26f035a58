package io.tributary.connect.s3.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the bucket.
 *
 * @param endpoint            an S3-compatible endpoint (path-style access), or empty for AWS
 * @param accessKey           empty to use the default AWS credential chain (instance role, IRSA, env)
 * @param partSize            multipart part size in bytes, at least 5 MiB
 * @param maxAttempts         attempts per request before a fault is reported (1 = no retry)
 * @param backoff             first delay between attempts; doubled each time (with jitter)
 * @param maxBackoff          longest delay between attempts
 * @param conditionalWrites   whether the store honours If-Match / If-None-Match on PUT
 */
public record S3Settings(String bucket, Optional<String> endpoint, String region, Optional<String> accessKey,
        Optional<String> secretKey, int partSize, int maxAttempts, Duration backoff, Duration maxBackoff,
        boolean conditionalWrites) {
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public S3Settings {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below S3's minimum of " + MIN_PART_SIZE + " bytes");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Settings for tests and tools: default retries, conditional writes on. */
    public static S3Settings of(String bucket, String endpoint, String accessKey, String secretKey) {
        return new S3Settings(bucket, Optional.ofNullable(endpoint), "us-east-1", Optional.ofNullable(accessKey),
                Optional.ofNullable(secretKey), MIN_PART_SIZE, 5, Duration.ofMillis(100), Duration.ofSeconds(2), true);
    }
}
