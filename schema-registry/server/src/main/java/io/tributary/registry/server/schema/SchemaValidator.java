package io.tributary.registry.server.schema;

import java.util.List;

import io.tributary.registry.server.error.RegistryException;

/**
 * Turns a schema text and its declared type into a {@link ParsedSchema}: strictly for what a
 * client registers or looks up, leniently for what is already in the log.
 */
public final class SchemaValidator {
    private final AvroSchemaParser avro;

    public SchemaValidator() {
        this(new AvroSchemaParser());
    }

    public SchemaValidator(AvroSchemaParser avro) {
        this.avro = avro;
    }

    /**
     * @throws RegistryException (42201) for an unsupported type or an invalid schema, with the reason
     */
    public ParsedSchema validate(String schemaType, String schemaText) {
        return validate(schemaType, schemaText, List.of(), List.of(), false).parsed();
    }

    /**
     * @param referencedTexts the texts of the referenced schemas, each after those it needs
     * @throws RegistryException (42201) for an unsupported type or an invalid schema, with the reason
     */
    public ResolvedAvroSchema validate(String schemaType, String schemaText, List<SchemaReference> references,
            List<String> referencedTexts, boolean normalize) {
        requireAvro(schemaType);
        return avro.parse(schemaText, references, referencedTexts, normalize);
    }

    /** @throws RegistryException (42201) unless the type is AVRO (or absent, which means AVRO) */
    public static void requireAvro(String schemaType) {
        SchemaType type = SchemaType.fromField(schemaType).orElseThrow(() -> RegistryException.invalidSchema(
                "Unknown schemaType '" + schemaType + "': expected AVRO (the only type this registry accepts)."));
        if (type != SchemaType.AVRO) {
            throw RegistryException.invalidSchema("Unsupported schemaType '" + schemaType
                    + "': this registry accepts AVRO schemas only.");
        }
    }

    /**
     * A schema read back from the log. Another registry may have written types or texts this one
     * would refuse; they are kept as written, so that ids and versions stay exactly as they are.
     *
     * @throws IllegalArgumentException for a schema type no registry defines
     */
    public ParsedSchema fromLog(String schemaType, String schemaText, List<SchemaReference> references) {
        SchemaType type = SchemaType.fromField(schemaType)
                .orElseThrow(() -> new IllegalArgumentException("unknown schemaType '" + schemaType + "'"));
        String text = schemaText == null ? "" : schemaText;
        if (type == SchemaType.AVRO && references.isEmpty()) {
            try {
                ParsedSchema canonical = avro.parse(text, List.of(), List.of(), false).parsed();
                // A schema registered with normalize=true was stored normalised: keep that form, so
                // that the next normalised registration of it finds it.
                ParsedSchema normalised = avro.parse(text, List.of(), List.of(), true).parsed();
                return normalised.canonical().equals(text) ? normalised : canonical;
            } catch (RegistryException e) {
                return new ParsedSchema(type, text);
            }
        }
        // A schema with references was stored in its canonical form when it was registered.
        return new ParsedSchema(type, text, references);
    }

    public ParsedSchema fromLog(String schemaType, String schemaText) {
        return fromLog(schemaType, schemaText, List.of());
    }
}
