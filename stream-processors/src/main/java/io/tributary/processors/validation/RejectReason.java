package io.tributary.processors.validation;

/**
 * Why a landing record was rejected; written as the {@code tributary.reject.reason} header, so the
 * names are a contract with whoever reads the rejected topics.
 */
public enum RejectReason {
    /** The record has no value (a null value or zero bytes, or only whitespace). */
    EMPTY_RECORD,
    /** The value is larger than the validator accepts ({@code tributary.validator.max-record-bytes}). */
    TOO_LARGE,
    /** A text format (JSON, CSV) whose bytes are not UTF-8; the message gives the byte offset. */
    NOT_UTF8,
    /** The value is not one JSON document; the message gives the character offset. */
    NOT_JSON,
    /** JSON nested deeper than the validator accepts ({@code tributary.validator.max-nesting-depth}). */
    TOO_DEEP,
    /** The value is JSON, but not a JSON object. */
    NOT_AN_OBJECT,
    /** Not one CSV row: an unterminated quote, or more than one row. */
    NOT_CSV,
    /** A CSV row with more or fewer columns than its header names. */
    COLUMN_COUNT,
    /** Not Confluent's wire format: the first byte is not 0. */
    BAD_MAGIC_BYTE,
    /** The wire format names a schema id the registry does not know. */
    UNKNOWN_SCHEMA_ID,
    /** Wire format with a known schema, but the Avro body cannot be decoded with it (truncated or garbage bytes). */
    NOT_AVRO,
    /** A field the schema requires (not nullable, no default) is absent or null. */
    MISSING_FIELD,
    /** A value's type cannot become the field's Avro type (a string for an int in strict mode, an object for an array). */
    WRONG_TYPE,
    /** The type fits but the value does not: unknown enum symbol, bad timestamp, more decimal places than the scale. */
    BAD_VALUE,
    /** A number that does not fit the field's type: an int above 2^31-1, a decimal with too many integer digits. */
    OUT_OF_RANGE,
    /** A data-quality rule with action reject or fail-batch is false for the record; the rule header names it. */
    RULE_FAILED,
    /** A data-quality rule could not be evaluated for the record (e.g. a map key it reads is absent). */
    RULE_ERROR,
    /** A record of a batch-mode dataset without the {@code tributary.batch.id} header. */
    MISSING_BATCH_ID,
    /** A good record of a batch that was rejected because of other records. */
    BATCH_REJECTED,
    /** The batch did not end (or not all its records arrived) within the dataset's batch timeout. */
    BATCH_TIMEOUT,
    /** The batch has more records than the dataset's {@code batch.maxRecords}. */
    BATCH_TOO_LARGE,
    /** A staging record that an entity mapping could not map: a cast, an expression or a value that does not fit the entity field. */
    MAPPING_FAILED,
    /** A lookup in reference data found no record for the key and its policy is {@code onMiss: reject}. */
    LOOKUP_MISSED,
    /** The mapped entity record has no version (its version field is null), so it cannot be ordered. */
    MISSING_VERSION
}
