package io.tributary.connect.s3.decode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.WireFormatException;

/**
 * Reads Confluent wire format (magic byte, schema id, Avro binary) with the writer schema from
 * the registry. A registry that cannot be reached is not the record's fault: that error is
 * thrown as it is, so the task fails and retries later instead of rejecting good data.
 */
public final class WireFormatValueDecoder implements ValueDecoder {
    private final SchemaRegistry registry;

    public WireFormatValueDecoder(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public GenericRecord decode(byte[] value) {
        if (value == null) {
            throw new BadRecordException("value is null (a tombstone); the lake keeps no deletions");
        }
        int id;
        Schema writer;
        try {
            id = WireFormat.schemaId(value);
        } catch (WireFormatException e) {
            throw new BadRecordException("value is not in the Confluent wire format: " + e.getMessage(), e);
        }
        try {
            writer = registry.schemaById(id);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                throw new BadRecordException("schema id " + id + " is not in the schema registry", e);
            }
            throw e;
        }
        if (writer.getType() != Schema.Type.RECORD) {
            throw new BadRecordException("schema id " + id + " is a " + writer.getType() + ", not a record; Parquet needs a record");
        }
        try {
            return (GenericRecord) WireFormat.decode(value, writer);
        } catch (WireFormatException e) {
            throw new BadRecordException("value does not match its schema id " + id + ": " + e.getMessage(), e);
        }
    }
}
