package io.tributary.registry.server.api;

import jakarta.ws.rs.core.Response;

/** Builds Confluent error responses. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static Response of(int httpStatus, int errorCode, String message) {
        return Response.status(httpStatus)
                .type(MediaTypes.SCHEMA_REGISTRY_V1_JSON)
                .entity(new ErrorResponse(errorCode, message))
                .build();
    }
}
