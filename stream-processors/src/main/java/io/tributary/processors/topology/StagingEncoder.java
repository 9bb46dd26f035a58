package io.tributary.processors.topology;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.WireFormatException;

/** Writes a valid record as a staging record: keyed by the dataset's key field, valued in Confluent's wire format. */
public final class StagingEncoder {
    private final int schemaId;
    private final Schema schema;
    private final Schema.Field keyField;

    public StagingEncoder(String keyFieldName, Schema schema, int schemaId) {
        this.schemaId = schemaId;
        this.schema = schema;
        this.keyField = schema.getField(keyFieldName);
        if (keyField == null) {
            throw new IllegalArgumentException("key field '" + keyFieldName + "' is not a field of " + schema.getFullName());
        }
    }

    Verdict encode(GenericRecord record, byte[] originalValue, List<String> warnings) {
        byte[] key = StagingKeys.of(keyField.schema(), record.get(keyField.pos()));
        if (key == null) {
            return new Verdict.Rejected(originalValue, ValidationOutcome.rejected(RejectReason.MISSING_FIELD, keyField.name(),
                    "key field '" + keyField.name() + "' is null; staging records are keyed by it"));
        }
        try {
            return new Verdict.Accepted(key, WireFormat.encode(schemaId, schema, record), warnings);
        } catch (WireFormatException e) {
            // The converter builds records of this schema, so this is a safety net that keeps the pipeline going.
            return new Verdict.Rejected(originalValue, ValidationOutcome.rejected(RejectReason.BAD_VALUE, "",
                    "cannot be written with the staging schema: " + e.getMessage()));
        }
    }
}
