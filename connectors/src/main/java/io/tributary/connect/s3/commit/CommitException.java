package io.tributary.connect.s3.commit;

/** A file could not be made durable; nothing of it is visible, and its records stay above the committed offset. */
public final class CommitException extends RuntimeException {
    public CommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
