package io.tributary.connect.s3.partition;

import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

/** Uses the Kafka record timestamp (producer or log-append time). */
public final class RecordTimestampExtractor implements EventTimeExtractor {

    @Override
    public String describe() {
        return "kafka timestamp";
    }

    @Override
    public long eventTimeMillis(GenericRecord value, Long kafkaTimestamp) {
        if (kafkaTimestamp == null || kafkaTimestamp < 0) {
            throw new BadRecordException(RejectReason.WRONG_TYPE, "", "record has no Kafka timestamp to partition by");
        }
        return kafkaTimestamp;
    }
}
