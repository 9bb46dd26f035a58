package io.tributary.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * An analytical output of a zone: denormalised facts, an entity of the zone joined (left joins, by
 * foreign keys) to the records other entities or reference datasets have for it, written to
 * {@code <zone>.analytical.<name>} (compacted: the current fact per entity key) with its own schema,
 * registered as {@code <zone>.analytical.<name>-value}. A fact changes when either side does.
 *
 * Or, with {@code aggregate}, windowed aggregates of the entity (see {@link AggregateSpec}); their
 * schema is generated ({@link AggregateSpec#rowSchema}), {@code schemaFile} is null and there are no mappings.
 *
 * @param from     the entity of this zone the facts are about (one fact per entity key)
 * @param joins    the foreign-key (left) joins, in order; none for facts of the entity alone
 * @param mappings one per field of the facts schema; expressions see the entity's fields and each
 *                 joined record as a map named after its join (null when there is none)
 */
public record AnalyticalSpec(String name, String description, Path schemaFile, Schema schema, String from, List<Join> joins,
        List<FieldMapping> mappings, Optional<AggregateSpec> aggregate, int partitions, Place place) {

    /** The foreign-key join: the entity's {@code keyField} holds the key of a record of {@code with}. */
    public record Join(String name, DatasetRef with, String keyField, Place place) {
    }

    public AnalyticalSpec {
        joins = List.copyOf(joins);
        mappings = List.copyOf(mappings);
    }

    public TopicName topic(String zone) {
        return TopicName.of(zone, Stage.ANALYTICAL, name);
    }
}
