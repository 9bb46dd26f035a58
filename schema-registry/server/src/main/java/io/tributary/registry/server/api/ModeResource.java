package io.tributary.registry.server.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.store.SchemaStore;

/** Confluent's {@code /mode} resource: READWRITE, READONLY or IMPORT, for the registry and per subject. */
@Path("/mode")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM})
public class ModeResource {
    private final RequestBodyReader bodies = new RequestBodyReader();

    @Inject
    SchemaStore store;

    @Inject
    WriteRouter writes;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    public Map<String, String> global() {
        return Map.of("mode", store.globalMode().name());
    }

    /** IMPORT is refused while the registry holds schemas, unless {@code force=true}. */
    @PUT
    public Response setGlobal(@QueryParam("force") @DefaultValue("false") boolean force, String body) {
        RegistryMode mode = bodies.mode(body);
        return writes.write("PUT", headers, uri, body, () -> Map.of("mode", store.setMode(null, mode, force).name()));
    }

    @GET
    @Path("/{subject}")
    public Map<String, String> subject(@PathParam("subject") String subject,
            @QueryParam("defaultToGlobal") @DefaultValue("false") boolean defaultToGlobal) {
        RegistryMode mode = store.subjectMode(subject).orElseGet(() -> {
            if (!defaultToGlobal) {
                throw new RegistryException(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED, "Subject '" + subject
                        + "' does not have subject-level mode configured.");
            }
            return store.globalMode();
        });
        return Map.of("mode", mode.name());
    }

    @PUT
    @Path("/{subject}")
    public Response setSubject(@PathParam("subject") String subject,
            @QueryParam("force") @DefaultValue("false") boolean force, String body) {
        SubjectNames.requireValid(subject);
        RegistryMode mode = bodies.mode(body);
        return writes.write("PUT", headers, uri, body, () -> Map.of("mode", store.setMode(subject, mode, force).name()));
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject) {
        return writes.write("DELETE", headers, uri, null, () -> Map.of("mode", store.deleteMode(subject).name()));
    }
}
