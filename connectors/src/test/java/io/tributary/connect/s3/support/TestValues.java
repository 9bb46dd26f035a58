package io.tributary.connect.s3.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.writer.LakeRecord;

/** Builds the writer's input from Avro records, as the decoders would. */
public final class TestValues {
    private TestValues() {
    }

    public static DecodedValue value(GenericRecord record, long schemaVersion) {
        Schema schema = record.getSchema();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        return new DecodedValue(schema, schemaVersion, bytes, 0, bytes.length, record);
    }

    public static LakeRecord record(String topic, int partition, long offset, Long timestamp, GenericRecord value, long schemaVersion) {
        return new LakeRecord(topic, partition, offset, timestamp, value(value, schemaVersion));
    }
}
