package io.tributary.registry.client;

/**
 * A registry call failed. {@code status} is the HTTP status (0 when the registry could not be
 * reached) and {@code errorCode} Confluent's error code when the registry sent one.
 */
public class RegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public RegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
