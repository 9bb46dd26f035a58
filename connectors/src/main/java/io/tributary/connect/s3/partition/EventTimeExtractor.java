package io.tributary.connect.s3.partition;

import org.apache.avro.generic.GenericRecord;

/** Where a record's time comes from: a field of its value, or Kafka's record timestamp. */
public interface EventTimeExtractor {

    /**
     * The record's time in epoch milliseconds.
     *
     * @param kafkaTimestamp the Kafka record timestamp, or null if the record has none
     * @throws io.tributary.connect.s3.errors.BadRecordException if the record carries no usable time
     */
    long eventTimeMillis(GenericRecord value, Long kafkaTimestamp);

    /** Where the time comes from, for the layout fingerprint and the logs. */
    String describe();

    /** The value fields this extractor reads (to be decoded before routing). */
    default java.util.List<String> fields() {
        return java.util.List.of();
    }
}
