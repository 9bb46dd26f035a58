package io.tributary.processors.ods;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.WireFormatException;

/**
 * Reads and writes Confluent wire-format records with readers and writers built once per schema
 * (building them per record would cost more than the mapping itself). Records written with a newer
 * schema version are read into {@code reader}'s shape when given, by Avro's schema resolution.
 */
final class WireDecoder {
    private final SchemaRegistry registry;
    private final Schema reader;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    /** @param reader the shape records are read into, or null for each record's own writer schema */
    WireDecoder(SchemaRegistry registry, Schema reader) {
        this.registry = registry;
        this.reader = reader;
    }

    GenericRecord decode(byte[] bytes) {
        int id = WireFormat.schemaId(bytes);
        GenericDatumReader<GenericRecord> datumReader = readers.computeIfAbsent(id, i -> {
            Schema writer = registry.schemaById(i);
            return new GenericDatumReader<>(writer, reader == null ? writer : reader);
        });
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
        try {
            return datumReader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("cannot decode the Avro body (" + (bytes.length - WireFormat.HEADER_SIZE)
                    + " bytes from offset " + WireFormat.HEADER_SIZE + ") with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes records of one schema, registered under one id. */
    static final class Encoder {
        private final int schemaId;
        private final GenericDatumWriter<GenericRecord> writer;
        private BinaryEncoder encoder;

        Encoder(int schemaId, Schema schema) {
            this.schemaId = schemaId;
            this.writer = new GenericDatumWriter<>(schema);
        }

        /** Not thread-safe: one per stream task. */
        byte[] encode(GenericRecord record) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(schemaId >>> 24);
            out.write(schemaId >>> 16);
            out.write(schemaId >>> 8);
            out.write(schemaId);
            encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
            try {
                writer.write(record, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new WireFormatException("cannot encode entity record: " + e.getMessage(), e);
            }
            return out.toByteArray();
        }
    }
}
