package io.tributary.connect.s3.writer;

import io.tributary.connect.s3.decode.DecodedValue;

/** A record on its way to the lake and where it came from; {@code timestamp} is Kafka's, or null. */
public record LakeRecord(String topic, int partition, long offset, Long timestamp, DecodedValue value) {
}
