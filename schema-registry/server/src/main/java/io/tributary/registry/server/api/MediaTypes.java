package io.tributary.registry.server.api;

/** The content types Confluent's registry and its clients use. */
public final class MediaTypes {
    public static final String SCHEMA_REGISTRY_V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";
    /** Accepted on requests for clients that send JSON without saying so, as Confluent does. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {
    }
}
