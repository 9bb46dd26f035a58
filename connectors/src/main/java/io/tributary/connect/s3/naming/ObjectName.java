package io.tributary.connect.s3.naming;

/** What an object's key says about it: the Kafka topic-partition and first offset it holds. */
public record ObjectName(String key, String topic, int partition, long startOffset) {
}
