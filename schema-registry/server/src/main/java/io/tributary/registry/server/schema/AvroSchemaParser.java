package io.tributary.registry.server.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

/**
 * Validates Avro schemas and brings them to the canonical form used for identity.
 *
 * <p>The canonical form is Avro's own compact JSON rendering of the parsed schema: whitespace
 * and the order of JSON keys no longer matter, but documentation, defaults, aliases and custom
 * properties are kept, because they change what a schema means to readers (a new default is a
 * new schema). This is the same notion of identity Confluent's registry uses. Types taken from
 * references stay references (written by name), as the client sent them.
 */
public final class AvroSchemaParser {
    /** Below Kafka's default 1 MiB record limit, with room for the record's envelope. */
    public static final int DEFAULT_MAX_SCHEMA_BYTES = 900 * 1024;

    private final int maxSchemaBytes;
    private final AvroNormalizer normalizer = new AvroNormalizer();

    public AvroSchemaParser() {
        this(DEFAULT_MAX_SCHEMA_BYTES);
    }

    public AvroSchemaParser(int maxSchemaBytes) {
        this.maxSchemaBytes = maxSchemaBytes;
    }

    /**
     * @throws RegistryException (42201) naming what is wrong, for a text that is not a valid Avro schema
     */
    public ParsedSchema parse(String schemaText) {
        return parse(schemaText, List.of(), List.of(), false).parsed();
    }

    /**
     * Parses a schema whose references have been resolved to the texts of the schemas they name.
     *
     * @param referencedTexts the referenced schemas, every schema after those it needs itself
     * @param normalize       whether to bring the schema to the normalised form (full names, sorted keys)
     * @throws RegistryException 42201 for an invalid schema, 42209 for one over the size limit
     */
    public ResolvedAvroSchema parse(String schemaText, List<SchemaReference> references, List<String> referencedTexts,
            boolean normalize) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Invalid Avro schema: the field 'schema' is empty.");
        }
        int size = schemaText.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxSchemaBytes) {
            throw new RegistryException(ErrorCode.SCHEMA_TOO_LARGE, "Schema too large: " + size
                    + " bytes; this registry accepts schemas of at most " + maxSchemaBytes + " bytes (schema.max.bytes).");
        }
        try {
            // Defaults are validated so that a schema whose default does not match its type is
            // refused here rather than failing later in every reader that resolves against it.
            Schema.Parser parser = new Schema.Parser().setValidateDefaults(true);
            List<Schema> referenced = new ArrayList<>();
            for (String text : referencedTexts) {
                referenced.add(parser.parse(text));
            }
            Schema schema = parser.parse(schemaText);
            String canonical = referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false);
            if (normalize) {
                canonical = normalizer.normalize(canonical);
            }
            return new ResolvedAvroSchema(new ParsedSchema(SchemaType.AVRO, canonical, references), schema);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw RegistryException.invalidSchema("Invalid Avro schema: " + e.getMessage());
        } catch (RuntimeException e) {
            // Avro reports some malformed inputs (bad JSON, wrong node types) with other runtime
            // exceptions; they are still the client's mistake, not the server's.
            throw RegistryException.invalidSchema("Invalid Avro schema: " + describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
