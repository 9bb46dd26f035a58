package io.tributary.catalog;

import io.tributary.catalog.table.TableDefinition;

/**
 * A metastore that keeps the lake's tables (Glue for Athena). Every call is idempotent: the
 * sink announces the same table and partition again after a restart.
 */
public interface LakeCatalog extends AutoCloseable {

    /** What {@link #ensureTable} did. */
    enum TableChange { CREATED, EVOLVED, UNCHANGED }

    /**
     * Creates the table (and its database) if missing; otherwise evolves it to take the
     * definition's columns (see {@link io.tributary.catalog.table.TableEvolution}).
     *
     * @throws io.tributary.catalog.table.IncompatibleChangeException if the existing files could not be read with the new columns
     */
    TableChange ensureTable(TableDefinition table);

    /** Registers a partition folder (e.g. {@code department=sales}) of a table whose partitions are not projected. */
    void ensurePartition(TableDefinition table, String partitionPath);

    @Override
    default void close() {
    }
}
