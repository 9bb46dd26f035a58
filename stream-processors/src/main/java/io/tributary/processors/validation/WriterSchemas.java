package io.tributary.processors.validation;

import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The schemas Avro landing records were written with, by registry id. Empty when the registry
 * does not know the id; an exception when it cannot answer (that is not the record's fault, so
 * the record must not be rejected for it).
 */
public interface WriterSchemas {
    Optional<Schema> byId(int id);
}
