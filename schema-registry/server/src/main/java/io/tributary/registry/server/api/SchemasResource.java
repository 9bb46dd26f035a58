package io.tributary.registry.server.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.store.SchemaStore;

/** Confluent's {@code /schemas} resource: schemas by global id. */
@Path("/schemas")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class SchemasResource {

    @Inject
    SchemaStore store;

    @GET
    @Path("/ids/{id}")
    public SchemaResponse byId(@PathParam("id") String id) {
        return SchemaResponse.of(store.schemaById(parseId(id)));
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + text + "' not found: ids are integers.");
        }
    }
}
