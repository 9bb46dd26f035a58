package io.tributary.processors.batch;

import org.apache.kafka.common.header.Headers;

import io.tributary.processors.validation.RejectReason;

/**
 * A record a batch decision writes: to staging or rejected (with {@code reason} set), or the
 * batch report. Timestamps are the landing records' own; the report's is the decision time.
 */
public record Outgoing(Destination destination, byte[] key, byte[] value, long timestamp, Headers headers, RejectReason reason) {

    public enum Destination {
        STAGING, REJECTED, REPORT
    }
}
