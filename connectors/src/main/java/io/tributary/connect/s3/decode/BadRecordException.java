package io.tributary.connect.s3.decode;

/**
 * A record the sink cannot land: undecodable bytes, an unknown schema, no usable event time.
 * The message says what is wrong; the task adds topic, partition and offset.
 */
public class BadRecordException extends RuntimeException {
    public BadRecordException(String message) {
        super(message);
    }

    public BadRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
