package io.tributary.local;

/** A local component could not start or stop; the message says which and why. */
public class LocalRuntimeException extends RuntimeException {
    public LocalRuntimeException(String message) {
        super(message);
    }

    public LocalRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
