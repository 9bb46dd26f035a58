package io.tributary.connect.s3.catalog;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.CommittedPartitions;
import io.tributary.catalog.LakeCatalog;
import io.tributary.catalog.glue.GlueCatalog;
import io.tributary.catalog.glue.GlueSettings;
import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.TableModels;
import io.tributary.model.Stage;

/**
 * Keeps the Glue Data Catalog (hence Athena) up to date as the sink commits: the first commit
 * into a table creates its database and table, a file with new columns evolves the table, and a
 * folder of a table whose partitions Athena cannot project (partitioned by a field's value) is
 * added as a partition. Daily and hourly tables use partition projection, so their new folders
 * need no call at all. Landing (raw, Avro archive) is never catalogued. An ods sink that names its
 * entity's key and version ({@code catalog.entity.key}, {@code catalog.entity.version}) also gets
 * the entity's {@code <entity>_current} view, as Athena keeps views.
 *
 * <p>Configured with {@code catalog.class=io.tributary.connect.s3.catalog.GlueSinkCatalog} and
 * the {@code catalog.glue.*} properties of {@link GlueSettings}.
 */
public final class GlueSinkCatalog implements Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(GlueSinkCatalog.class);

    /** The entity's business key column, for an ods sink ({@code catalog.entity.key}). */
    public static final String ENTITY_KEY = "entity.key";
    /** The entity's version column, for an ods sink ({@code catalog.entity.version}). */
    public static final String ENTITY_VERSION = "entity.version";

    private LakeCatalog glue;
    private CommittedPartitions partitions;

    public GlueSinkCatalog() {
    }

    @Override
    public void configure(Map<String, String> properties) {
        GlueSettings settings = GlueSettings.from(properties);
        this.glue = GlueCatalog.create(settings);
        // The location comes from the sink (its bucket) with each partition; the layout is only a default.
        this.partitions = new CommittedPartitions(glue, new TableModels(LakeLayout.LOCAL, settings.projection()), entityView(properties));
        LOG.info("Glue catalog hook configured for region {}", settings.region());
    }

    /** An ods sink names its entity's key and version, so that the entity's {@code _current} view is catalogued with its table. */
    private static Map<String, String> entityView(Map<String, String> properties) {
        String key = properties.get(ENTITY_KEY);
        String version = properties.get(ENTITY_VERSION);
        if (key == null && version == null) {
            return Map.of();
        }
        if (key == null || key.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("catalog." + ENTITY_KEY + " and catalog." + ENTITY_VERSION + " go together: got "
                    + (key == null ? "only the version" : "only the key"));
        }
        return Map.of(CurrentViews.KEY_PROPERTY, key.trim(), CurrentViews.VERSION_PROPERTY, version.trim());
    }

    @Override
    public void partitionCommitted(LakePartition partition) {
        if (partition.topic().stage() == Stage.LANDING || !"parquet".equals(partition.format())) {
            return;
        }
        partitions.committed(partition.topic(), partition.tableLocation(), partition.partitionPath(), partition.schema());
    }

    @Override
    public void close() {
        if (glue != null) {
            glue.close();
        }
    }
}
