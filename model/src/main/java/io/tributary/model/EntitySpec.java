package io.tributary.model;

import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;

/**
 * A canonical entity of a zone's operational data store: its own Avro schema (registered as
 * {@code <zone>.ods.<entity>-value}), a business key, how versions are ordered, and the staging
 * datasets that feed it. Its topic {@code <zone>.ods.<entity>} is compacted: the latest record per key.
 */
public record EntitySpec(String name, String description, Path schemaFile, Schema schema, String keyField, VersionSpec version,
        int partitions, List<EntitySource> sources, Place place) {

    /** Suffix of the topic between the mapping step and the upsert step ({@code <zone>.ods.<entity>.mapped}). */
    public static final String MAPPED_SUFFIX = ".mapped";

    public EntitySpec {
        sources = List.copyOf(sources);
    }

    public TopicName topic(String zone) {
        return TopicName.of(zone, Stage.ODS, name);
    }

    /** Mapped records of every source, keyed by business key, before versions are compared. */
    public String mappedTopic(String zone) {
        return topic(zone) + MAPPED_SUFFIX;
    }
}
