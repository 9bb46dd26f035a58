package io.tributary.registry.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Confluent's wire format: magic byte 0, the schema's global id as 4 bytes big-endian, then the
 * Avro binary encoding of the datum.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    public static byte[] encode(int schemaId, Schema schema, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(schema).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("Cannot encode datum with schema " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The schema id of wire-format bytes; fails with a clear message for anything else. */
    public static int schemaId(byte[] bytes) {
        if (bytes == null) {
            throw new WireFormatException("No bytes: a null value is not in the Confluent wire format");
        }
        if (bytes.length < HEADER_SIZE) {
            throw new WireFormatException("Only " + bytes.length + " bytes: the Confluent wire format needs at least " + HEADER_SIZE);
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new WireFormatException("Unknown magic byte " + bytes[0] + " at offset 0 (expected 0)");
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    /** Decodes wire-format bytes written with {@code writer}. */
    public static Object decode(byte[] bytes, Schema writer) {
        return decode(bytes, writer, writer);
    }

    /** Decodes wire-format bytes written with {@code writer} into the shape of {@code reader}. */
    public static Object decode(byte[] bytes, Schema writer, Schema reader) {
        schemaId(bytes);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, null);
        try {
            return new GenericDatumReader<>(writer, reader).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("Cannot decode Avro body (" + (bytes.length - HEADER_SIZE) + " bytes from offset "
                    + HEADER_SIZE + ") with schema " + writer.getFullName() + ": " + e.getMessage(), e);
        }
    }
}
