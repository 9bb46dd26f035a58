package io.tributary.processors.validation;

/**
 * Why a landing record was rejected; written as the {@code tributary.reject.reason} header, so the
 * names are a contract with whoever reads the rejected topics.
 */
public enum RejectReason {
    /** The record has no value (a null value or zero bytes, or only whitespace). */
    EMPTY_RECORD,
    /** The value is not a JSON document (or not UTF-8); the message gives the character offset. */
    NOT_JSON,
    /** The value is JSON, but not a JSON object. */
    NOT_AN_OBJECT,
    /** A field the schema requires (not nullable, no default) is absent or null. */
    MISSING_FIELD,
    /** A value's JSON type cannot become the field's Avro type (a string for an int, an object for an array). */
    WRONG_TYPE,
    /** The JSON type fits but the value does not: unknown enum symbol, bad timestamp, decimal scale, out of range. */
    BAD_VALUE
}
