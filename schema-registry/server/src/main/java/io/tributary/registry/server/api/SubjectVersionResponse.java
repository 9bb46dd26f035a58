package io.tributary.registry.server.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.store.SubjectVersion;

/** One version of a subject; {@code schemaType} only when not AVRO and {@code references} only when some, as Confluent does. */
@JsonPropertyOrder({"subject", "version", "id", "schemaType", "references", "schema"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubjectVersionResponse(String subject, int version, int id, String schemaType,
        List<SchemaReference> references, String schema) {
    static SubjectVersionResponse of(SubjectVersion v) {
        return new SubjectVersionResponse(v.subject(), v.version(), v.id(),
                v.type() == SchemaType.AVRO ? null : v.type().name(), v.references(), v.schema());
    }
}
