package io.tributary.connect.s3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

import io.tributary.connect.s3.archive.ArchiveRecordEncoder;
import io.tributary.connect.s3.archive.ArchiveRecordEncoder.RawHeader;
import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.decode.StructValueDecoder;
import io.tributary.connect.s3.decode.ValueDecoder;
import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.connect.s3.rejected.RejectedRecordEncoder;
import io.tributary.connect.s3.writer.LakeRecord;

/**
 * Turns what Connect delivers into what the writer keeps. For Parquet: bytes (Confluent wire
 * format, read with the registry) or Structs (a converter already decoded them); anything else
 * (no value, no schema) is the record's fault and goes to the dead-letter queue. For archives:
 * key, value and header bytes as they were consumed. For rejected topics: a row of the rejected
 * tables' shape from the reason headers and the original bytes.
 */
final class SinkRecordConverter {
    private final ValueDecoder bytesDecoder;
    private final StructValueDecoder structDecoder = new StructValueDecoder();
    private final ArchiveRecordEncoder archive;
    private final RejectedRecordEncoder rejected;

    /**
     * @param bytesDecoder reads wire-format bytes; null when no registry is configured
     * @param archive      non-null for format=archive
     * @param rejected     non-null for format=rejected
     */
    SinkRecordConverter(ValueDecoder bytesDecoder, ArchiveRecordEncoder archive, RejectedRecordEncoder rejected) {
        this.bytesDecoder = bytesDecoder;
        this.archive = archive;
        this.rejected = rejected;
    }

    LakeRecord convert(SinkRecord record) {
        DecodedValue value = archive != null ? archived(record) : rejected != null ? rejectedRow(record) : decoded(record);
        return new LakeRecord(record.topic(), record.kafkaPartition(), record.kafkaOffset(), record.timestamp(), value);
    }

    private DecodedValue decoded(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            throw new BadRecordException(RejectReason.NULL_VALUE, "", "value is null (a tombstone); the lake keeps no deletions");
        }
        if (value instanceof byte[] bytes) {
            if (bytesDecoder == null) {
                throw new ConnectException("The value at " + where(record) + " is bytes but no schema.registry.url is configured to"
                        + " read the Confluent wire format; set it, or a value.converter that gives Structs");
            }
            return bytesDecoder.decode(bytes);
        }
        if (value instanceof Struct struct) {
            return structDecoder.decode(struct);
        }
        if (record.valueSchema() == null) {
            throw new BadRecordException(RejectReason.NO_SCHEMA, "", "the value is a schema-less " + value.getClass().getSimpleName()
                    + "; Parquet columns need a schema (use a converter with schemas, e.g. the registry's Avro converter)");
        }
        throw new BadRecordException(RejectReason.NOT_A_RECORD, "", "the value is a " + record.valueSchema().type()
                + ", not a struct; Parquet needs named columns");
    }

    private DecodedValue archived(SinkRecord record) {
        List<RawHeader> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new RawHeader(h.key(), bytes(record, "header " + h.key(), h.value(), "header.converter")));
        }
        return archive.encode(record.topic(), record.kafkaPartition(), record.kafkaOffset(), record.timestamp(),
                record.timestampType().toString(), bytes(record, "key", record.key(), "key.converter"),
                bytes(record, "value", record.value(), "value.converter"), headers);
    }

    private DecodedValue rejectedRow(SinkRecord record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), bytes(record, "header " + h.key(), h.value(), "header.converter"));
        }
        return rejected.encode(record.topic(), record.kafkaPartition(), record.kafkaOffset(), record.timestamp(),
                bytes(record, "key", record.key(), "key.converter"), bytes(record, "value", record.value(), "value.converter"), headers);
    }

    private byte[] bytes(SinkRecord record, String what, Object value, String converter) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        throw new ConnectException("The " + what + " at " + where(record) + " is a " + value.getClass().getSimpleName()
                + ", not bytes: format=" + (archive != null ? "archive" : "rejected") + " keeps bytes as consumed, set " + converter + "="
                + S3ParquetSinkConfig.BYTES_CONVERTER);
    }

    private static String where(SinkRecord record) {
        return "topic " + record.topic() + " partition " + record.kafkaPartition() + " offset " + record.kafkaOffset();
    }
}
