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
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.store.SchemaStore;

/**
 * Confluent's {@code /config} resource: the compatibility level of the registry and of each
 * subject. GET answers {@code {"compatibilityLevel": ...}}, PUT answers {@code {"compatibility": ...}}.
 */
@Path("/config")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM})
public class ConfigResource {
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
        return Map.of("compatibilityLevel", store.globalConfig().name());
    }

    @PUT
    public Response setGlobal(String body) {
        CompatibilityLevel level = bodies.compatibility(body);
        return writes.write("PUT", headers, uri, body, () -> Map.of("compatibility", store.setConfig(null, level).name()));
    }

    /** Resets the registry to the default level (BACKWARD) and answers the level it had. */
    @DELETE
    public Response deleteGlobal() {
        return writes.write("DELETE", headers, uri, null,
                () -> Map.of("compatibilityLevel", store.deleteConfig(null).name()));
    }

    @GET
    @Path("/{subject}")
    public Map<String, String> subject(@PathParam("subject") String subject,
            @QueryParam("defaultToGlobal") @DefaultValue("false") boolean defaultToGlobal) {
        CompatibilityLevel level = store.subjectConfig(subject).orElseGet(() -> {
            if (!defaultToGlobal) {
                throw new RegistryException(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, "Subject '" + subject
                        + "' does not have subject-level compatibility configured.");
            }
            return store.globalConfig();
        });
        return Map.of("compatibilityLevel", level.name());
    }

    @PUT
    @Path("/{subject}")
    public Response setSubject(@PathParam("subject") String subject, String body) {
        SubjectNames.requireValid(subject);
        CompatibilityLevel level = bodies.compatibility(body);
        return writes.write("PUT", headers, uri, body, () -> Map.of("compatibility", store.setConfig(subject, level).name()));
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject) {
        return writes.write("DELETE", headers, uri, null,
                () -> Map.of("compatibilityLevel", store.deleteConfig(subject).name()));
    }
}
