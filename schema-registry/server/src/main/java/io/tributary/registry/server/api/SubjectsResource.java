package io.tributary.registry.server.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.security.AccessPolicy;
import io.tributary.registry.server.store.Registration;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.SubjectVersion;

/** Confluent's {@code /subjects} resource: registration, look-up, versions and deletion. */
@Path("/subjects")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM})
public class SubjectsResource {
    private final RequestBodyReader bodies = new RequestBodyReader();

    @Inject
    SchemaStore store;

    @Inject
    WriteRouter writes;

    @Inject
    AccessPolicy access;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public List<String> subjects(@QueryParam("deleted") @DefaultValue("false") boolean deleted,
            @QueryParam("subjectPrefix") @DefaultValue("") String prefix) {
        return access.readableSubjects(security.getUserPrincipal(), store.subjects(deleted, prefix));
    }

    @GET
    @Path("/{subject}/versions")
    public List<Integer> versions(@PathParam("subject") String subject,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return store.versions(subject, deleted);
    }

    @GET
    @Path("/{subject}/versions/{version}")
    public SubjectVersionResponse version(@PathParam("subject") String subject, @PathParam("version") String version,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return SubjectVersionResponse.of(find(subject, version, deleted));
    }

    /** The schema text alone, as the body. */
    @GET
    @Path("/{subject}/versions/{version}/schema")
    public Response schemaOnly(@PathParam("subject") String subject, @PathParam("version") String version,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return Response.ok(find(subject, version, deleted).schema().getBytes(StandardCharsets.UTF_8))
                .type(MediaTypes.SCHEMA_REGISTRY_V1_JSON).build();
    }

    @GET
    @Path("/{subject}/versions/{version}/referencedby")
    public List<Integer> referencedBy(@PathParam("subject") String subject, @PathParam("version") String version) {
        return store.referencedBy(subject, VersionId.parse(version).number());
    }

    @POST
    @Path("/{subject}/versions")
    public Response register(@PathParam("subject") String subject,
            @QueryParam("normalize") @DefaultValue("false") boolean normalize, String body) {
        SubjectNames.requireValid(subject);
        RegisterSchemaRequest request = bodies.registration(body);
        Registration registration = new Registration(subject, bodies.schema(request, normalize), request.id(), request.version());
        return writes.write("POST", headers, uri, body, () -> new RegisterSchemaResponse(store.register(registration)));
    }

    /** Which version of the subject, if any, holds the schema in the body. */
    @POST
    @Path("/{subject}")
    public SubjectVersionResponse lookup(@PathParam("subject") String subject,
            @QueryParam("normalize") @DefaultValue("false") boolean normalize,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted, String body) {
        RegisterSchemaRequest request = bodies.registration(body);
        return store.lookup(subject, bodies.schema(request, normalize), deleted).map(SubjectVersionResponse::of)
                .orElseThrow(() -> RegistryException.schemaNotFoundUnder(subject));
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject,
            @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
        return writes.write("DELETE", headers, uri, null, () -> store.deleteSubject(subject, permanent));
    }

    @DELETE
    @Path("/{subject}/versions/{version}")
    public Response deleteVersion(@PathParam("subject") String subject, @PathParam("version") String version,
            @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
        int number = VersionId.parse(version).number();
        return writes.write("DELETE", headers, uri, null, () -> store.deleteVersion(subject, number, permanent));
    }

    private SubjectVersion find(String subject, String version, boolean deleted) {
        return store.version(subject, VersionId.parse(version).number(), deleted);
    }
}
