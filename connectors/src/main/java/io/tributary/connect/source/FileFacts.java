package io.tributary.connect.source;

import java.time.Instant;

import io.tributary.connect.source.discovery.IngressKey;
import io.tributary.connect.source.store.IngressObject;

/**
 * What is known of one version of a dropped file once it is copied locally.
 *
 * @param checksum {@code sha256:<hex>} of its bytes
 */
record FileFacts(String bucket, IngressObject object, IngressKey key, String format, String checksum, Instant openedAt) {

    String batchId() {
        return key.batchId(object.eTag());
    }

    String source() {
        return "s3://" + bucket + "/" + object.key();
    }
}
