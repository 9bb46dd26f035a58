package io.tributary.connect.s3.writer;

import org.apache.avro.generic.GenericRecord;

/** A decoded record and where it came from; {@code timestamp} is Kafka's, or null. */
public record IncomingRecord(String topic, int partition, long offset, Long timestamp, GenericRecord value) {
}
