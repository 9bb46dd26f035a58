package io.tributary.registry.server.schema;

import io.tributary.registry.server.error.RegistryException;

/**
 * Turns a schema text and its declared type into a {@link ParsedSchema}: strictly for what a
 * client registers or looks up, leniently for what is already in the log.
 */
public final class SchemaValidator {
    private final AvroSchemaParser avro = new AvroSchemaParser();

    /**
     * @throws RegistryException (42201) for an unsupported type or an invalid schema, with the reason
     */
    public ParsedSchema validate(String schemaType, String schemaText) {
        SchemaType type = SchemaType.fromField(schemaType).orElseThrow(() -> RegistryException.invalidSchema(
                "Unknown schemaType '" + schemaType + "': expected AVRO (the only type this registry accepts)."));
        if (type != SchemaType.AVRO) {
            throw RegistryException.invalidSchema("Unsupported schemaType '" + schemaType
                    + "': this registry accepts AVRO schemas only.");
        }
        return avro.parse(schemaText);
    }

    /**
     * A schema read back from the log. Another registry may have written types or texts this one
     * would refuse; they are kept as written, so that ids and versions stay exactly as they are.
     *
     * @throws IllegalArgumentException for a schema type no registry defines
     */
    public ParsedSchema fromLog(String schemaType, String schemaText) {
        SchemaType type = SchemaType.fromField(schemaType)
                .orElseThrow(() -> new IllegalArgumentException("unknown schemaType '" + schemaType + "'"));
        if (type == SchemaType.AVRO) {
            try {
                return avro.parse(schemaText);
            } catch (RegistryException e) {
                return new ParsedSchema(type, schemaText == null ? "" : schemaText);
            }
        }
        return new ParsedSchema(type, schemaText == null ? "" : schemaText);
    }
}
