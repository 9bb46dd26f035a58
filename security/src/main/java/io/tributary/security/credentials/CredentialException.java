package io.tributary.security.credentials;

/** A credential is missing, unreadable, unsafe to read, or refused by the cluster. Never carries a password. */
public final class CredentialException extends RuntimeException {
    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
