package io.tributary.catalog.table;

import java.util.Optional;

import org.apache.avro.Schema;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;

/**
 * Derives lake tables from Avro schemas: one table per zone, stage and dataset, columns from the
 * schema ({@link AvroColumns}), partition columns last, location from the {@link LakeLayout},
 * Parquet storage, and partition projection where the partitions are dates and hours.
 */
public final class TableModels {
    private final LakeLayout layout;
    private final PartitionProjection projection;

    public TableModels(LakeLayout layout, PartitionProjection projection) {
        this.layout = layout;
        this.projection = projection;
    }

    public static TableModels local() {
        return new TableModels(LakeLayout.LOCAL, PartitionProjection.DEFAULT);
    }

    public LakeLayout layout() {
        return layout;
    }

    /**
     * The table of {@code topic} whose files have {@code schema}.
     *
     * @throws UnsupportedSchemaException naming the field Athena cannot represent
     * @throws IllegalArgumentException   for landing, which is never catalogued
     */
    public TableDefinition table(TopicName topic, Schema schema, PartitionScheme partitions) {
        return table(topic, schema, partitions, layout.location(topic));
    }

    /** The same, at a location given by the writer (the sink knows its bucket). */
    public TableDefinition table(TopicName topic, Schema schema, PartitionScheme partitions, String location) {
        if (topic.stage() == Stage.LANDING) {
            throw new IllegalArgumentException("landing (" + topic + ") holds unapproved raw data and is never catalogued");
        }
        return new TableDefinition(topic.zone() + "_" + topic.stage().id(), topic.dataset(), doc(schema), AvroColumns.of(schema),
                partitions, location, projection.properties(partitions, location));
    }

    /**
     * The table of a zone's dataset in a stage, from its registered schema: staging has the
     * dataset's own schema, rejected the {@link RejectedRecords} shape. Other stages hold other
     * entities (ods, analytical), and landing is never catalogued: empty.
     */
    public Optional<TableDefinition> datasetTable(String zone, DatasetSpec dataset, Stage stage, PartitionScheme partitions) {
        TopicName topic = dataset.topic(zone, stage);
        return switch (stage) {
            case STAGING -> Optional.of(table(topic, dataset.schema(), partitions));
            case REJECTED -> Optional.of(table(topic, RejectedRecords.SCHEMA, partitions));
            default -> Optional.empty();
        };
    }

    private static String doc(Schema schema) {
        return schema.getDoc() == null ? "" : schema.getDoc();
    }
}
