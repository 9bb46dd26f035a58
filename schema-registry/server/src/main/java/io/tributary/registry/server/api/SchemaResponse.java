package io.tributary.registry.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.store.StoredSchema;

/** {@code GET /schemas/ids/{id}}: the schema text; {@code schemaType} only when not AVRO, as Confluent does. */
@JsonPropertyOrder({"schemaType", "schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaResponse(String schemaType, String schema) {
    static SchemaResponse of(StoredSchema stored) {
        return new SchemaResponse(stored.type() == SchemaType.AVRO ? null : stored.type().name(), stored.schema());
    }
}
