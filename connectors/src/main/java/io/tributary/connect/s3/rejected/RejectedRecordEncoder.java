package io.tributary.connect.s3.rejected;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import io.tributary.catalog.table.RejectedRecords;
import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.model.RejectHeaderNames;

/**
 * Turns a record of a {@code <zone>.rejected.<dataset>} topic into a row of the rejected tables'
 * shape ({@link RejectedRecords#SCHEMA}): its reason headers as columns, its Kafka timestamp as
 * {@code rejected_at}, its original key and value as text ({@link RawText}). A record without
 * reason headers still lands: reason {@value #UNKNOWN_REASON}, and source columns pointing at the
 * record itself, so that nothing that reached the rejected topic is dropped.
 */
public final class RejectedRecordEncoder {
    /** The reason of a record that carries no {@code tributary.reject.reason} header. */
    public static final String UNKNOWN_REASON = "UNKNOWN";

    private static final Schema SCHEMA = RejectedRecords.SCHEMA;
    /** The routing record of the time partitioner, which reads the Kafka timestamp and no field. */
    private static final GenericRecord NO_ROUTING_FIELDS =
            new GenericData.Record(Schema.createRecord("NoFields", null, "io.tributary.rejected", false, List.of()));

    private final GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(SCHEMA);
    private BinaryEncoder encoder;

    /**
     * @param headers the record's headers by key, values as the raw bytes consumed (the last
     *                header of a key wins); may hold other headers too
     */
    public DecodedValue encode(String topic, int partition, long offset, Long timestamp, byte[] key, byte[] value,
            Map<String, byte[]> headers) {
        if (timestamp == null || timestamp < 0) {
            throw new BadRecordException(RejectReason.WRONG_TYPE, "", "record has no Kafka timestamp to give rejected_at and dt");
        }
        GenericRecord row = new GenericData.Record(SCHEMA);
        List<String> missing = new ArrayList<>();
        String reason = text(headers, RejectHeaderNames.REASON);
        if (reason == null || reason.isBlank()) {
            missing.add(RejectHeaderNames.REASON);
            reason = UNKNOWN_REASON;
        }
        row.put("reason", reason);
        row.put("rule", emptyAsNull(text(headers, RejectHeaderNames.RULE)));
        row.put("field", emptyAsNull(text(headers, RejectHeaderNames.FIELD)));
        row.put("batch_id", emptyAsNull(text(headers, RejectHeaderNames.BATCH_ID)));
        row.put("rejected_at", timestamp);
        row.put("record_key", RawText.of(key));
        row.put("record_value", RawText.of(value));
        putSource(row, headers, topic, partition, offset, missing);
        String message = text(headers, RejectHeaderNames.MESSAGE);
        if (message == null) {
            missing.add(RejectHeaderNames.MESSAGE);
            message = "";
        }
        row.put("message", missing.isEmpty() ? message : annotated(message, missing, topic, partition, offset));
        byte[] body = bytes(row);
        return new DecodedValue(SCHEMA, 0, body, 0, body.length, NO_ROUTING_FIELDS);
    }

    /** The landing coordinates from the headers; where they are missing or unreadable, the rejected record's own. */
    private static void putSource(GenericRecord row, Map<String, byte[]> headers, String topic, int partition, long offset,
            List<String> missing) {
        String sourceTopic = text(headers, RejectHeaderNames.SOURCE_TOPIC);
        Long sourcePartition = number(headers, RejectHeaderNames.SOURCE_PARTITION, missing);
        Long sourceOffset = number(headers, RejectHeaderNames.SOURCE_OFFSET, missing);
        if (sourceTopic == null || sourceTopic.isBlank() || sourcePartition == null || sourceOffset == null
                || sourcePartition < 0 || sourcePartition > Integer.MAX_VALUE) {
            if (sourceTopic == null || sourceTopic.isBlank()) {
                missing.add(RejectHeaderNames.SOURCE_TOPIC);
            }
            row.put("source_topic", topic);
            row.put("source_partition", partition);
            row.put("source_offset", offset);
            return;
        }
        row.put("source_topic", sourceTopic);
        row.put("source_partition", sourcePartition.intValue());
        row.put("source_offset", sourceOffset);
    }

    private static String annotated(String message, List<String> missing, String topic, int partition, long offset) {
        String note = "[missing or unreadable headers " + String.join(", ", missing) + "; source columns are where the record was found: "
                + topic + " partition " + partition + " offset " + offset + "]";
        return message.isEmpty() ? note : message + " " + note;
    }

    private static Long number(Map<String, byte[]> headers, String name, List<String> missing) {
        String text = text(headers, name);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            missing.add(name);
            return null;
        } finally {
            if (text == null) {
                missing.add(name);
            }
        }
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] bytes = headers.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private byte[] bytes(GenericRecord row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            writer.write(row, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
