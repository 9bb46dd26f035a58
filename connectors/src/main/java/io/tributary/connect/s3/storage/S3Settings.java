package io.tributary.connect.s3.storage;

import java.util.Optional;

/**
 * How to reach the bucket.
 *
 * @param endpoint  an S3-compatible endpoint (path-style access), or empty for AWS
 * @param accessKey empty to use the default AWS credential chain (instance role, IRSA, env)
 * @param partSize  multipart part size in bytes, at least 5 MiB
 */
public record S3Settings(String bucket, Optional<String> endpoint, String region, Optional<String> accessKey,
        Optional<String> secretKey, int partSize) {
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public S3Settings {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below S3's minimum of " + MIN_PART_SIZE + " bytes");
        }
    }
}
