package io.tributary.security.acl;

/** Kafka refused or did not answer a call changing or listing ACLs. */
public final class AclApplyException extends RuntimeException {
    public AclApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
