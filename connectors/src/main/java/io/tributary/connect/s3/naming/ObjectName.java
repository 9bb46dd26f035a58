package io.tributary.connect.s3.naming;

/**
 * What an object's key says about it: its partition path (e.g. {@code dt=2024-05-01}), the
 * Kafka topic-partition and the first offset it holds.
 */
public record ObjectName(String key, String partitionPath, String topic, int partition, long startOffset) {
}
