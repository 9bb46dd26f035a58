package io.tributary.registry.server.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.tributary.registry.server.store.CompatibilityReport;
import io.tributary.registry.server.store.SchemaStore;

/**
 * Confluent's {@code /compatibility} resource: would this schema be accepted? Against one version
 * ({@code /versions/{version}}, {@code latest} included) or, without a version, against what a
 * registration would check at the subject's level.
 */
@Path("/compatibility/subjects/{subject}")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM})
public class CompatibilityResource {
    private final RequestBodyReader bodies = new RequestBodyReader();

    @Inject
    SchemaStore store;

    @POST
    @Path("/versions/{version}")
    public CompatibilityResponse againstVersion(@PathParam("subject") String subject, @PathParam("version") String version,
            @QueryParam("verbose") @DefaultValue("false") boolean verbose,
            @QueryParam("normalize") @DefaultValue("false") boolean normalize, String body) {
        int number = VersionId.parse(version).number();
        return answer(store.checkCompatibility(subject, number, bodies.schema(bodies.registration(body), normalize)), verbose);
    }

    @POST
    @Path("/versions")
    public CompatibilityResponse againstSubject(@PathParam("subject") String subject,
            @QueryParam("verbose") @DefaultValue("false") boolean verbose,
            @QueryParam("normalize") @DefaultValue("false") boolean normalize, String body) {
        return answer(store.checkCompatibility(subject, null, bodies.schema(bodies.registration(body), normalize)), verbose);
    }

    private static CompatibilityResponse answer(CompatibilityReport report, boolean verbose) {
        return new CompatibilityResponse(report.compatible(), verbose ? report.messages() : null);
    }
}
