package io.tributary.registry.client;

/** Bytes that are not in Confluent's wire format, or whose Avro body cannot be read. */
public class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
