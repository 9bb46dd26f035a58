package io.tributary.registry.server.schema;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.tributary.registry.server.error.RegistryException;

/**
 * Validates Avro schemas and brings them to the canonical form used for identity.
 *
 * <p>The canonical form is Avro's own compact JSON rendering of the parsed schema: whitespace
 * and the order of JSON keys no longer matter, but documentation, defaults, aliases and custom
 * properties are kept, because they change what a schema means to readers (a new default is a
 * new schema). This is the same notion of identity Confluent's registry uses.
 */
public final class AvroSchemaParser {

    /**
     * @throws RegistryException (42201) naming what is wrong, for a text that is not a valid Avro schema
     */
    public ParsedSchema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Invalid Avro schema: the field 'schema' is empty.");
        }
        try {
            // Defaults are validated so that a schema whose default does not match its type is
            // refused here rather than failing later in every reader that resolves against it.
            Schema schema = new Schema.Parser().setValidateDefaults(true).parse(schemaText);
            return new ParsedSchema(SchemaType.AVRO, schema.toString());
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
