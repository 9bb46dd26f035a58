package io.tributary.security.cloud;

/** The zone descriptors or cloud settings cannot give policies; the message says what and where. */
public class CloudPolicyException extends RuntimeException {
    public CloudPolicyException(String message) {
        super(message);
    }

    public CloudPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
