package io.tributary.processors.ods.spi;

import org.apache.avro.generic.GenericRecord;

/**
 * Zone-specific logic for the rare mapping that configuration cannot express. A zone's source
 * names it ({@code transformer: <name>}); it runs after the source's mappings and lookups, on
 * every record, and returns the entity record to write: the one it was given, changed, or a new
 * one of the entity's schema. Throwing {@link RecordRejected} sends the staging record to the
 * dataset's rejected topic with the reason; any other exception does too (as a mapping failure).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.tributary.processors.ods.spi.RecordTransformer} of a jar put in the
 * zone's plug-in folder ({@code tributary.ods.plugins-dir}/{@code <zone>}/), so that one zone's
 * code is loaded for that zone only. They must be thread-safe and should be fast: they run once
 * per record.
 */
public interface RecordTransformer {

    /** The name sources use for it: lower-case, {@code [a-z][a-z0-9_]*}. */
    String name();

    /**
     * @param source the staging record, in the dataset's schema
     * @param entity the entity record the mappings filled (may be changed in place)
     * @return the entity record to write
     */
    GenericRecord transform(GenericRecord source, GenericRecord entity, TransformContext context) throws RecordRejected;
}
