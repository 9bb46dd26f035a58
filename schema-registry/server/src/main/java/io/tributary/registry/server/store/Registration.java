package io.tributary.registry.server.store;

/**
 * A request to register a schema under a subject. {@code id} and {@code version} are given only
 * when importing (IMPORT mode); otherwise the registry chooses them.
 */
public record Registration(String subject, SchemaInput schema, Integer id, Integer version) {
    public static Registration of(String subject, SchemaInput schema) {
        return new Registration(subject, schema, null, null);
    }
}
