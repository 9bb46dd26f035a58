package io.tributary.registry.server.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.RegistryException;

/** Registry errors as Confluent error bodies; the server's own failures are logged. */
@Provider
public class RegistryExceptionMapper implements ExceptionMapper<RegistryException> {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryExceptionMapper.class);

    @Override
    public Response toResponse(RegistryException e) {
        int status = e.errorCode().httpStatus();
        if (status >= 500) {
            LOG.warn("Request failed with {}: {}", e.errorCode().code(), e.getMessage());
        }
        return ErrorResponses.of(status, e.errorCode().code(), e.getMessage());
    }
}
