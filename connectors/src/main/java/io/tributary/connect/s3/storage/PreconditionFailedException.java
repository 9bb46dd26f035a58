package io.tributary.connect.s3.storage;

/** A conditional write was refused: someone else wrote the object since it was read. */
public final class PreconditionFailedException extends StorageException {
    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
