package io.tributary.connect.s3.errors;

/** Why the sink could not land a record; the code goes into the {@code tributary.reject.reason} header. */
public enum RejectReason {
    /** The value is null (a tombstone); the lake keeps no deletions. */
    NULL_VALUE,
    /** The value has no schema (e.g. schema-less JSON), so no Parquet columns can be derived. */
    NO_SCHEMA,
    /** The bytes are not in the Confluent wire format (magic byte, schema id). */
    NOT_WIRE_FORMAT,
    /** The schema id is not in the schema registry. */
    UNKNOWN_SCHEMA,
    /** The schema is not a record (Parquet needs named columns). */
    NOT_A_RECORD,
    /** The bytes do not match their schema. */
    UNDECODABLE,
    /** A field the sink needs (event time, partition value) is not in the schema. */
    MISSING_FIELD,
    /** A field the sink needs holds something unusable (no time in it, a value that names no folder). */
    WRONG_TYPE,
    /** The record's schema is not compatible with the file it belongs in ({@code schema.compatibility}). */
    INCOMPATIBLE_SCHEMA,
    /** The record's shape cannot be written (e.g. a field clashes with a Kafka coordinate column). */
    UNWRITABLE
}
