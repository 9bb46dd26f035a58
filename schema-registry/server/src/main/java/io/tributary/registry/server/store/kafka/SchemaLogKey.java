package io.tributary.registry.server.store.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The key of a {@code _schemas} record, in Confluent's layout, e.g.
 * {@code {"keytype":"SCHEMA","subject":"orders-value","version":1,"magic":1}} or
 * {@code {"keytype":"CONFIG","subject":"orders-value","magic":0}}. Only SCHEMA keys have a
 * version; the global CONFIG and MODE keys have no subject.
 */
@JsonPropertyOrder({"keytype", "subject", "version", "magic"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaLogKey(String keytype, String subject, Integer version, int magic) {
    public static final String SCHEMA = "SCHEMA";
    public static final String CONFIG = "CONFIG";
    public static final String MODE = "MODE";
    public static final String DELETE_SUBJECT = "DELETE_SUBJECT";
    public static final String CLEAR_SUBJECT = "CLEAR_SUBJECT";

    public static SchemaLogKey schema(String subject, int version) {
        return new SchemaLogKey(SCHEMA, subject, version, 1);
    }

    public static SchemaLogKey config(String subject) {
        return new SchemaLogKey(CONFIG, subject, null, 0);
    }

    public static SchemaLogKey mode(String subject) {
        return new SchemaLogKey(MODE, subject, null, 0);
    }

    @JsonIgnore
    public boolean isSchema() {
        return SCHEMA.equals(keytype);
    }
}
