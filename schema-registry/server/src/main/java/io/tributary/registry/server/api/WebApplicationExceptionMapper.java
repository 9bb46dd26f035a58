package io.tributary.registry.server.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * HTTP-level failures (unknown path, wrong method, unsupported content type) as Confluent error
 * bodies whose error code is the HTTP status, as Confluent's REST layer does.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = e instanceof NotSupportedException
                ? "Unsupported content type; send " + MediaTypes.SCHEMA_REGISTRY_V1_JSON + " or " + MediaTypes.JSON
                : e.getMessage();
        return ErrorResponses.of(status, status, message);
    }
}
