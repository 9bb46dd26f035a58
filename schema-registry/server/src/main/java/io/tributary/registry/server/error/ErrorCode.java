package io.tributary.registry.server.error;

/**
 * Confluent Schema Registry's error codes, with the HTTP status each travels with. Clients
 * (Confluent's serialisers among them) branch on these numbers, so they must not change.
 */
public enum ErrorCode {
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    MALFORMED_REQUEST(400, 400),
    UNPROCESSABLE_REQUEST(422, 422),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    STORE_ERROR(500, 50001),
    STORE_TIMEOUT(500, 50002);

    private final int httpStatus;
    private final int code;

    ErrorCode(int httpStatus, int code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
