package io.tributary.registry.server.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /} answers {@code {}}, as Confluent's registry does; clients use it as a ping. */
@Path("/")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class RootResource {
    @GET
    public Map<String, Object> root() {
        return Map.of();
    }
}
