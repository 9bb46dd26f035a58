package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/**
 * The tables a zone's descriptor declares: for each dataset, its staging table (the dataset's
 * registered schema) and its rejected table (the rejected-record shape), partitioned daily as
 * the sink lands them.
 */
public final class ZoneTables {
    /** The stages whose tables a descriptor determines. */
    public static final Set<Stage> DECLARED_STAGES = Set.of(Stage.STAGING, Stage.REJECTED);

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
        return tables;
    }

    /** Every zone's declared tables; a dataset whose schema cannot be a table is left out and reported to {@code skipped}. */
    public static List<TableDefinition> declared(List<ZoneDescriptor> zones, TableModels models,
            java.util.function.Consumer<UnsupportedSchemaException> skipped) {
        List<TableDefinition> tables = new ArrayList<>();
        for (ZoneDescriptor zone : zones) {
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
