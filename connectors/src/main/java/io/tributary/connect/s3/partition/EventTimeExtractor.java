package io.tributary.connect.s3.partition;

import org.apache.avro.generic.GenericRecord;

/** Where a record's time comes from: a field of its value, or Kafka's record timestamp. */
public interface EventTimeExtractor {

    /**
     * The record's time in epoch milliseconds.
     *
     * @param kafkaTimestamp the Kafka record timestamp, or null if the record has none
     * @throws io.tributary.connect.s3.decode.BadRecordException if the record carries no usable time
     */
    long eventTimeMillis(GenericRecord value, Long kafkaTimestamp);
}
