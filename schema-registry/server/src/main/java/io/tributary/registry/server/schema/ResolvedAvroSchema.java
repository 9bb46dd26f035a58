package io.tributary.registry.server.schema;

import org.apache.avro.Schema;

/** A registered or candidate schema together with the Avro schema it parses to (references resolved). */
public record ResolvedAvroSchema(ParsedSchema parsed, Schema avro) {
}
