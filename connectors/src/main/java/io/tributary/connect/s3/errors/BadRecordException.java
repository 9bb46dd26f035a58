package io.tributary.connect.s3.errors;

/**
 * A record the sink cannot land: no value, no schema, undecodable bytes, an unknown schema, no
 * usable event time, an incompatible schema. The message says what is wrong; the task adds
 * topic, partition and offset, and sends the record to the dead-letter queue with the reason.
 */
public class BadRecordException extends RuntimeException {
    private final RejectReason reason;
    private final String field;

    public BadRecordException(RejectReason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field == null ? "" : field;
    }

    public BadRecordException(RejectReason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.field = field == null ? "" : field;
    }

    public RejectReason reason() {
        return reason;
    }

    /** Path of the field concerned, empty when it concerns the whole record. */
    public String field() {
        return field;
    }
}
