package io.tributary.connect.s3.partition;

import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.decode.BadRecordException;

/** Uses the Kafka record timestamp (producer or log-append time). */
public final class RecordTimestampExtractor implements EventTimeExtractor {

    @Override
    public long eventTimeMillis(GenericRecord value, Long kafkaTimestamp) {
        if (kafkaTimestamp == null || kafkaTimestamp < 0) {
            throw new BadRecordException("record has no Kafka timestamp to partition by");
        }
        return kafkaTimestamp;
    }
}
