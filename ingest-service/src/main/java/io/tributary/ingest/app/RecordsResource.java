package io.tributary.ingest.app;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tributary.ingest.ErrorBody;
import io.tributary.ingest.ErrorCode;
import io.tributary.ingest.IngestAnswer;
import io.tributary.ingest.IngestRequest;
import io.tributary.ingest.IngestService;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /zones/{zone}/datasets/{dataset}/records}: translates HTTP to {@link IngestService}
 * and back. Every content type reaches the method, so that the service answers a wrong one
 * with its own 415 body. Runs on a worker thread: sending blocks until the broker acknowledges.
 */
@Path("/zones/{zone}/datasets/{dataset}/records")
public class RecordsResource {
    public static final String BATCH_HEADER = "Tributary-Batch-Id";

    @Inject
    IngestService service;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("zone") String zone, @PathParam("dataset") String dataset,
            @QueryParam("batch") String batchParam, @HeaderParam(BATCH_HEADER) String batchHeader,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Request-Id") String requestIdHeader,
            @Context HttpServerRequest http, byte[] body) {
        String requestId = requestIdHeader == null || requestIdHeader.isBlank() || requestIdHeader.length() > 200
                ? UUID.randomUUID().toString() : requestIdHeader;
        if (batchParam != null && batchHeader != null && !batchParam.equals(batchHeader)) {
            return toResponse(IngestAnswer.error(ErrorCode.INVALID_BATCH_ID, "?batch=" + batchParam + " and the " + BATCH_HEADER
                    + " header " + batchHeader + " differ: give the batch id once", requestId), requestId);
        }
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        IngestAnswer answer = service.ingest(new IngestRequest(zone, dataset, contentType, body, authorization, idempotencyKey,
                batchParam != null ? batchParam : batchHeader, address, requestId));
        return toResponse(answer, requestId);
    }

    static Response toResponse(IngestAnswer answer, String requestId) {
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", requestId);
        answer.headers().forEach(response::header);
        return response.build();
    }

    /** A body refused by size before it is read (from its Content-Length). */
    static Response tooLarge(long length, long max) {
        return Response.status(413).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(ErrorCode.BODY_TOO_LARGE, "the body has "
                + length + " bytes; at most " + max + " are accepted (tributary.ingest.max-body-size): split it into several requests",
                null)).build();
    }
}
