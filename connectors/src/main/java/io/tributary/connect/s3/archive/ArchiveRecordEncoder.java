package io.tributary.connect.s3.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import io.tributary.connect.s3.decode.DecodedValue;

/**
 * Encodes a consumed record as an {@link ArchiveSchema} row, bytes untouched. Nothing is
 * decoded, so nothing can be rejected: tombstones and unreadable values are archived too.
 */
public final class ArchiveRecordEncoder {
    private static final GenericRecord NO_ROUTING_FIELDS =
            new GenericData.Record(org.apache.avro.Schema.createRecord("NoFields", null, "io.tributary.archive", false, List.of()));

    private BinaryEncoder encoder;

    /** One header of the record, its value as the raw bytes that were consumed (or null). */
    public record RawHeader(String key, byte[] value) {
    }

    public DecodedValue encode(String topic, int partition, long offset, Long timestamp, String timestampType, byte[] key,
            byte[] value, List<RawHeader> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length(key) + length(value));
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            encoder.writeString(topic);
            encoder.writeInt(partition);
            encoder.writeLong(offset);
            if (timestamp == null) {
                encoder.writeIndex(0);
            } else {
                encoder.writeIndex(1);
                encoder.writeLong(timestamp);
            }
            encoder.writeString(timestampType);
            bytes(key);
            bytes(value);
            encoder.writeArrayStart();
            encoder.setItemCount(headers.size());
            for (RawHeader h : headers) {
                encoder.startItem();
                encoder.writeString(h.key());
                bytes(h.value());
            }
            encoder.writeArrayEnd();
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toByteArray();
        return new DecodedValue(ArchiveSchema.SCHEMA, 0, body, 0, body.length, NO_ROUTING_FIELDS);
    }

    private void bytes(byte[] b) throws IOException {
        if (b == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeBytes(b);
        }
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
