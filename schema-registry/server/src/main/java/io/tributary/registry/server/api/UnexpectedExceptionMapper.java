package io.tributary.registry.server.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.ErrorCode;

/** A bug or an unforeseen failure: logged with its stack trace, answered without it. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Exception e) {
        LOG.error("Unexpected failure while handling a request", e);
        return ErrorResponses.of(ErrorCode.STORE_ERROR.httpStatus(), ErrorCode.STORE_ERROR.code(),
                "Internal server error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
