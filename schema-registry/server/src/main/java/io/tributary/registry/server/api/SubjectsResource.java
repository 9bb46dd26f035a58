package io.tributary.registry.server.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.SchemaValidator;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.SubjectVersion;

/** Confluent's {@code /subjects} resource: registration, look-up and versions of a subject. */
@Path("/subjects")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM})
public class SubjectsResource {
    private final RequestBodyReader bodies = new RequestBodyReader();
    private final SchemaValidator validator = new SchemaValidator();

    @Inject
    SchemaStore store;

    @GET
    public List<String> subjects() {
        return store.subjects();
    }

    @GET
    @Path("/{subject}/versions")
    public List<Integer> versions(@PathParam("subject") String subject) {
        return store.versions(subject);
    }

    @GET
    @Path("/{subject}/versions/{version}")
    public SubjectVersionResponse version(@PathParam("subject") String subject, @PathParam("version") String version) {
        VersionId id = VersionId.parse(version);
        SubjectVersion found = id.isLatest() ? store.latest(subject) : store.version(subject, id.number());
        return SubjectVersionResponse.of(found);
    }

    @POST
    @Path("/{subject}/versions")
    public RegisterSchemaResponse register(@PathParam("subject") String subject, String body) {
        ParsedSchema schema = parse(body);
        return new RegisterSchemaResponse(store.register(subject, schema));
    }

    /** Which version of the subject, if any, holds the schema in the body. */
    @POST
    @Path("/{subject}")
    public SubjectVersionResponse lookup(@PathParam("subject") String subject, String body) {
        ParsedSchema schema = parse(body);
        return store.lookup(subject, schema).map(SubjectVersionResponse::of)
                .orElseThrow(() -> RegistryException.schemaNotFoundUnder(subject));
    }

    private ParsedSchema parse(String body) {
        RegisterSchemaRequest request = bodies.registration(body);
        return validator.validate(request.schemaType(), request.schema());
    }
}
