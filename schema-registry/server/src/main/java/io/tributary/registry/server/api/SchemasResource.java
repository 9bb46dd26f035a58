package io.tributary.registry.server.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.smallrye.common.annotation.NonBlocking;
import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.security.AccessPolicy;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.StoredSchema;
import io.tributary.registry.server.store.VersionRef;

/** Confluent's {@code /schemas} resource: schemas by global id, and the schema types this registry accepts. */
@Path("/schemas")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class SchemasResource {

    @Inject
    SchemaStore store;

    @Inject
    AccessPolicy access;

    @Context
    SecurityContext security;

    /**
     * With {@code subject}, the id must be held by a version of that subject (40403 otherwise).
     * The hot path of every deserialiser: answered on the I/O thread from memory, without a
     * hand-over to a worker thread; before the store has caught up it answers 50002 at once
     * rather than block that thread.
     */
    @GET
    @Path("/ids/{id}")
    @NonBlocking
    public SchemaResponse byId(@PathParam("id") String id, @QueryParam("subject") String subject) {
        return SchemaResponse.of(find(id, subject));
    }

    /** The schema text alone, as the body. */
    @GET
    @Path("/ids/{id}/schema")
    public Response schemaOnly(@PathParam("id") String id, @QueryParam("subject") String subject) {
        return Response.ok(find(id, subject).schema().getBytes(StandardCharsets.UTF_8))
                .type(MediaTypes.SCHEMA_REGISTRY_V1_JSON).build();
    }

    /** Only the subjects the caller may read: the same schema may be held by another zone's subject too. */
    @GET
    @Path("/ids/{id}/subjects")
    public List<String> subjects(@PathParam("id") String id, @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return readable(store.versionsOfId(parseId(id), deleted).stream().map(VersionRef::subject).distinct().toList());
    }

    @GET
    @Path("/ids/{id}/versions")
    public List<SubjectVersionRefResponse> versions(@PathParam("id") String id,
            @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        List<String> readable = readable(store.versionsOfId(parseId(id), deleted).stream().map(VersionRef::subject).distinct().toList());
        return store.versionsOfId(parseId(id), deleted).stream().filter(v -> readable.contains(v.subject()))
                .map(v -> new SubjectVersionRefResponse(v.subject(), v.version())).toList();
    }

    private List<String> readable(List<String> subjects) {
        return access.readableSubjects(security.getUserPrincipal(), subjects);
    }

    /** Only AVRO is accepted for registration (JSON and PROTOBUF are refused with 42201). */
    @GET
    @Path("/types")
    public List<String> types() {
        return List.of("AVRO");
    }

    private StoredSchema find(String id, String subject) {
        int number = parseId(id);
        if (!store.isReady()) {
            throw new RegistryException(ErrorCode.STORE_TIMEOUT, "The schema store has not finished reading its topic yet"
                    + store.problem().map(p -> " (" + p + ")").orElse("") + "; retry shortly.");
        }
        StoredSchema schema = store.schemaById(number);
        if (subject != null && !subject.isEmpty()
                && store.versionsOfId(number, true).stream().noneMatch(v -> v.subject().equals(subject))) {
            throw new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + number + " not found under subject '"
                    + subject + "'.");
        }
        return schema;
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + text + "' not found: ids are integers.");
        }
    }
}
