package io.tributary.processors.batch;

import org.apache.kafka.common.header.Headers;

import io.tributary.processors.topology.Verdict;

/**
 * A record of an open batch, held until the batch is decided: the landing record as it came
 * (key, value, headers, timestamp, where it was read) and its verdict, judged on arrival.
 */
public record PendingRecord(byte[] key, byte[] value, Headers headers, long timestamp, String sourceTopic, int sourcePartition,
                            long sourceOffset, Verdict verdict) {
}
