package io.tributary.registry.server.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.store.StoredSchema;

/** {@code GET /schemas/ids/{id}}: the schema text; {@code schemaType} only when not AVRO, as Confluent does. */
@JsonPropertyOrder({"schemaType", "schema", "references"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SchemaResponse(String schemaType, String schema, List<SchemaReference> references) {
    static SchemaResponse of(StoredSchema stored) {
        return new SchemaResponse(stored.type() == SchemaType.AVRO ? null : stored.type().name(), stored.schema(),
                stored.references());
    }
}
