package io.tributary.topics;

import org.apache.avro.Schema;

/** A schema a zone descriptor wants registered under a subject. */
public record SchemaSpec(String subject, Schema schema) {
}
