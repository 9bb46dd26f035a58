package io.tributary.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.table.IncompatibleChangeException;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.UnsupportedSchemaException;
import io.tributary.model.TopicName;

/**
 * Keeps a {@link LakeCatalog} up to date as the sink commits files: the sink's catalog hook calls
 * {@link #committed} for each partition folder it writes into, with the schema of the files. The
 * table is created or evolved once per schema it has not seen yet (not on every commit), and a
 * partition that is not projected is registered.
 *
 * <p>A schema Athena cannot represent, or a change the table's existing files could not be read
 * with, is logged once as an error naming the topic and the field, and not thrown: retrying would
 * not help, and the data has landed all the same. Failures of the catalog itself (network,
 * throttling) are thrown, so that the hook retries later.
 */
public final class CommittedPartitions {
    private static final Logger LOG = LoggerFactory.getLogger(CommittedPartitions.class);

    private final LakeCatalog catalog;
    private final TableModels models;
    private final Map<String, String> tableProperties;
    private final Set<String> knownSchemas = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public CommittedPartitions(LakeCatalog catalog, TableModels models) {
        this(catalog, models, Map.of());
    }

    /**
     * @param tableProperties added to every table's properties, e.g. an entity's key and version
     *                        ({@link io.tributary.catalog.table.CurrentViews}) so that its view is catalogued too
     */
    public CommittedPartitions(LakeCatalog catalog, TableModels models, Map<String, String> tableProperties) {
        this.catalog = catalog;
        this.models = models;
        this.tableProperties = Map.copyOf(tableProperties);
    }

    /**
     * @param topic         the topic whose files were committed
     * @param tableLocation the dataset folder, e.g. {@code s3://lake/staging/finance/expenses/}
     * @param partitionPath the folder below it, e.g. {@code dt=2024-05-01}
     * @param schema        the files' Avro schema (partition columns excluded)
     */
    public void committed(TopicName topic, String tableLocation, String partitionPath, Schema schema) {
        String key = topic + "|" + tableLocation + "|" + PartitionScheme.ofPath(partitionPath).columns() + "|" + schema.toString();
        if (refused.contains(key)) {
            return;
        }
        TableDefinition table;
        try {
            table = withProperties(models.table(topic, schema, PartitionScheme.ofPath(partitionPath), tableLocation));
            if (!knownSchemas.contains(key)) {
                LakeCatalog.TableChange change = catalog.ensureTable(table);
                knownSchemas.add(key);
                LOG.debug("Catalog table {} for {}: {}", table.qualifiedName(), topic, change);
            }
        } catch (UnsupportedSchemaException | IncompatibleChangeException | IllegalArgumentException e) {
            refused.add(key);
            LOG.error("Topic {} lands in {} but cannot be catalogued: {}", topic, tableLocation, e.getMessage());
            return;
        }
        if (!table.partitions().projectable()) {
            catalog.ensurePartition(table, partitionPath);
        }
    }

    private TableDefinition withProperties(TableDefinition table) {
        if (tableProperties.isEmpty()) {
            return table;
        }
        Map<String, String> properties = new LinkedHashMap<>(table.properties());
        properties.putAll(tableProperties);
        return new TableDefinition(table.database(), table.table(), table.description(), table.columns(), table.partitions(),
                table.location(), properties);
    }
}
