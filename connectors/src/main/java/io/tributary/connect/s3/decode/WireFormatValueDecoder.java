package io.tributary.connect.s3.decode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.WireFormatException;

/**
 * Reads Confluent wire format (magic byte, schema id, Avro binary) with the writer schema from
 * the registry. The Avro body is kept as it is; only the routing fields are read now. A registry
 * that cannot be reached is not the record's fault: that error is thrown as it is, so the task
 * retries later instead of rejecting good data.
 */
public final class WireFormatValueDecoder implements ValueDecoder {
    private final SchemaRegistry registry;
    private final RoutingProjection routing;
    /** Consecutive records mostly share a schema id. */
    private int lastId = -1;
    private Schema lastSchema;

    public WireFormatValueDecoder(SchemaRegistry registry, RoutingProjection routing) {
        this.registry = registry;
        this.routing = routing;
    }

    private Schema lookUp(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                throw new BadRecordException(RejectReason.UNKNOWN_SCHEMA, "", "schema id " + id + " is not in the schema registry", e);
            }
            throw e;
        }
        lastId = id;
        lastSchema = writer;
        return writer;
    }

    @Override
    public DecodedValue decode(byte[] value) {
        if (value == null) {
            throw new BadRecordException(RejectReason.NULL_VALUE, "", "value is null (a tombstone); the lake keeps no deletions");
        }
        int id;
        try {
            id = WireFormat.schemaId(value);
        } catch (WireFormatException e) {
            throw new BadRecordException(RejectReason.NOT_WIRE_FORMAT, "", "value is not in the Confluent wire format: "
                    + e.getMessage(), e);
        }
        Schema writer = id == lastId ? lastSchema : lookUp(id);
        if (writer.getType() != Schema.Type.RECORD) {
            throw new BadRecordException(RejectReason.NOT_A_RECORD, "", "schema id " + id + " is a " + writer.getType()
                    + ", not a record; Parquet needs a record");
        }
        int offset = WireFormat.HEADER_SIZE;
        int length = value.length - offset;
        GenericRecord fields;
        try {
            fields = routing.read(writer, value, offset, length);
        } catch (java.io.IOException | RuntimeException e) {
            throw new BadRecordException(RejectReason.UNDECODABLE, "", "value does not match its schema id " + id + " ("
                    + writer.getFullName() + "): " + e, e);
        }
        return new DecodedValue(writer, id, value, offset, length, fields);
    }
}
