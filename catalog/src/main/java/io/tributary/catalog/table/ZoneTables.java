package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/**
 * The tables a zone's descriptor declares: for each dataset, its staging table (the dataset's
 * registered schema) and its rejected table (the rejected-record shape); for each entity its ods
 * table (a change log, with the {@code <entity>_current} view's key and version as table
 * properties, see {@link CurrentViews}); for each analytical output its table. All partitioned
 * daily as the sink lands them.
 */
public final class ZoneTables {
    /** The stages whose tables a descriptor determines. */
    public static final Set<Stage> DECLARED_STAGES = Set.of(Stage.STAGING, Stage.REJECTED, Stage.ODS, Stage.ANALYTICAL);

    private ZoneTables() {
    }

    /**
     * The zone's tables in {@code stages}, in dataset order then stage order.
     *
     * @throws UnsupportedSchemaException naming the topic and the field if a dataset's schema cannot be a table
     */
    public static List<TableDefinition> of(ZoneDescriptor zone, Set<Stage> stages, TableModels models) {
        List<TableDefinition> tables = new ArrayList<>();
        for (DatasetSpec dataset : zone.datasets()) {
            for (Stage stage : Stage.values()) {
                if (!stages.contains(stage)) {
                    continue;
                }
                try {
                    models.datasetTable(zone.zone(), dataset, stage, PartitionScheme.DAILY).ifPresent(tables::add);
                } catch (UnsupportedSchemaException e) {
                    throw new UnsupportedSchemaException(dataset.topic(zone.zone(), stage).toString(), e);
                }
            }
        }
        tables.addAll(derived(zone, stages, models));
        return tables;
    }

    /** The ods tables of the zone's entities and the tables of its analytical outputs, for {@code stages}. */
    static List<TableDefinition> derived(ZoneDescriptor zone, Set<Stage> stages, TableModels models) {
        List<TableDefinition> tables = new ArrayList<>();
        if (stages.contains(Stage.ODS)) {
            for (EntitySpec entity : zone.entities()) {
                TableDefinition table = models.table(entity.topic(zone.zone()), entity.schema(), PartitionScheme.DAILY);
                java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(table.properties());
                properties.put(CurrentViews.KEY_PROPERTY, entity.keyField());
                properties.put(CurrentViews.VERSION_PROPERTY, entity.version().field());
                tables.add(new TableDefinition(table.database(), table.table(), table.description(), table.columns(), table.partitions(),
                        table.location(), properties));
            }
        }
        if (stages.contains(Stage.ANALYTICAL)) {
            for (AnalyticalSpec output : zone.analytical()) {
                tables.add(models.table(output.topic(zone.zone()), output.schema(), PartitionScheme.DAILY));
            }
        }
        return tables;
    }

    /** Every zone's declared tables; a dataset whose schema cannot be a table is left out and reported to {@code skipped}. */
    public static List<TableDefinition> declared(List<ZoneDescriptor> zones, TableModels models,
            java.util.function.Consumer<UnsupportedSchemaException> skipped) {
        List<TableDefinition> tables = new ArrayList<>();
        for (ZoneDescriptor zone : zones) {
            try {
                tables.addAll(derived(zone, DECLARED_STAGES, models));
            } catch (UnsupportedSchemaException e) {
                skipped.accept(new UnsupportedSchemaException("zone " + zone.zone() + " ods/analytical", e));
            }
            for (DatasetSpec dataset : zone.datasets()) {
                for (Stage stage : DECLARED_STAGES) {
                    try {
                        Optional<TableDefinition> table = models.datasetTable(zone.zone(), dataset, stage, PartitionScheme.DAILY);
                        table.ifPresent(tables::add);
                    } catch (UnsupportedSchemaException e) {
                        skipped.accept(new UnsupportedSchemaException(dataset.topic(zone.zone(), stage).toString(), e));
                    }
                }
            }
        }
        return tables;
    }
}
