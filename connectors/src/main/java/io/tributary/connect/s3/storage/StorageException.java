package io.tributary.connect.s3.storage;

/** The object store refused or failed a request; the message names the bucket, key and operation. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
