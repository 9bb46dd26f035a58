package io.tributary.processors.validation;

import java.io.IOException;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.header.Headers;

import io.tributary.registry.client.WireFormat;

/**
 * Landing records in Confluent's wire format: magic byte 0, the writer schema's registry id (4
 * bytes, big-endian), the Avro binary body. The body is decoded with the writer schema fetched by
 * id, then converted to the dataset's schema by the same rules as the other formats (so a writer
 * may send an int where staging has a long, or, with lenient coercion, numeric text for a number).
 */
public final class AvroLandingParser implements LandingParser {
    private final JsonToAvroConverter converter;
    private final WriterSchemas writers;

    public AvroLandingParser(JsonToAvroConverter converter, WriterSchemas writers) {
        this.converter = converter;
        this.writers = writers;
    }

    @Override
    public ValidationOutcome parse(byte[] value, Headers headers) {
        if (value == null || value.length == 0) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record has no value (" + (value == null ? "null" : "0 bytes")
                    + ")");
        }
        if (value[0] != WireFormat.MAGIC_BYTE) {
            return ValidationOutcome.rejected(RejectReason.BAD_MAGIC_BYTE, "", "not Confluent's wire format: the first byte is "
                    + (value[0] & 0xff) + ", not 0");
        }
        if (value.length < WireFormat.HEADER_SIZE) {
            return ValidationOutcome.rejected(RejectReason.NOT_AVRO, "", "only " + value.length
                    + " bytes: the wire format needs a magic byte and a 4-byte schema id before the Avro body");
        }
        int id = WireFormat.schemaId(value);
        Optional<Schema> writer = writers.byId(id);
        if (writer.isEmpty()) {
            return ValidationOutcome.rejected(RejectReason.UNKNOWN_SCHEMA_ID, "", "schema id " + id
                    + " is not known to the schema registry");
        }
        Object datum;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, WireFormat.HEADER_SIZE, value.length - WireFormat.HEADER_SIZE, null);
        try {
            datum = new GenericDatumReader<>(writer.get()).read(null, decoder);
            if (!decoder.isEnd()) {
                return ValidationOutcome.rejected(RejectReason.NOT_AVRO, "", "the Avro body (" + (value.length - WireFormat.HEADER_SIZE)
                        + " bytes) has bytes left after a whole " + writer.get().getFullName() + " (schema id " + id + ")");
            }
        } catch (IOException | RuntimeException e) {
            // EOFException for a truncated body; AvroRuntimeException and friends for garbage lengths or indexes.
            return ValidationOutcome.rejected(RejectReason.NOT_AVRO, "", "cannot decode the Avro body ("
                    + (value.length - WireFormat.HEADER_SIZE) + " bytes) with schema id " + id + " (" + writer.get().getFullName() + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (writer.get().getType() != Schema.Type.RECORD) {
            return ValidationOutcome.rejected(RejectReason.NOT_AN_OBJECT, "", "schema id " + id + " is an Avro "
                    + writer.get().getType().getName() + ", not a record");
        }
        return converter.convert(AvroTrees.toTree(datum, writer.get()));
    }
}
