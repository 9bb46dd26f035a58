package io.tributary.registry.server.error;

/** A failure the REST API reports to the client as a Confluent error body. */
public class RegistryException extends RuntimeException {
    private final ErrorCode errorCode;

    public RegistryException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public RegistryException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(ErrorCode.VERSION_NOT_FOUND,
                "Version " + version + " not found under subject '" + subject + "'.");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + id + " not found.");
    }

    public static RegistryException schemaNotFoundUnder(String subject) {
        return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND,
                "Schema not found under subject '" + subject + "'.");
    }

    public static RegistryException invalidSchema(String message) {
        return new RegistryException(ErrorCode.INVALID_SCHEMA, message);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(ErrorCode.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");
    }

    public static RegistryException notPermitted(String message) {
        return new RegistryException(ErrorCode.OPERATION_NOT_PERMITTED, message);
    }
}
