package io.tributary.connect.s3.storage;

import java.time.Instant;

/** A multipart upload that was started and neither completed nor aborted, e.g. by a worker that died. */
public record PendingUpload(String key, String uploadId, Instant initiated) {
}
