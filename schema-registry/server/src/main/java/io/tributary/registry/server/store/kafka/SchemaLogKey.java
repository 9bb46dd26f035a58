package io.tributary.registry.server.store.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The key of a {@code _schemas} record, in Confluent's layout, e.g.
 * {@code {"keytype":"SCHEMA","subject":"orders-value","version":1,"magic":1}}. Other key types
 * (CONFIG, MODE, DELETE_SUBJECT, CLEAR_SUBJECT, NOOP) have no version.
 */
@JsonPropertyOrder({"keytype", "subject", "version", "magic"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaLogKey(String keytype, String subject, Integer version, int magic) {
    public static final String SCHEMA = "SCHEMA";

    public static SchemaLogKey schema(String subject, int version) {
        return new SchemaLogKey(SCHEMA, subject, version, 1);
    }

    @JsonIgnore
    public boolean isSchema() {
        return SCHEMA.equals(keytype);
    }
}
