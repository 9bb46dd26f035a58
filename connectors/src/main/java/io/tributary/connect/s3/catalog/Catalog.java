package io.tributary.connect.s3.catalog;

import java.util.Map;

/**
 * Told when the sink commits into a partition folder, so that a catalog (Glue, the local SQL
 * engine's views) can add the partition and evolve the table. Configured with
 * {@code catalog.class}; {@code catalog.*} properties are passed to {@link #configure(Map)}
 * without the prefix. Implementations need a public no-argument constructor.
 *
 * <p>The sink tells the catalog about a folder on the first commit into it in the life of a
 * task, so the same partition may be announced more than once (after a restart, or by several
 * tasks): implementations must be idempotent. That is what makes the announcement survive a
 * crash right after a commit.
 */
public interface Catalog extends AutoCloseable {

    /** @param properties the {@code catalog.*} properties of the connector, prefix removed */
    default void configure(Map<String, String> properties) {
    }

    /** A folder now holds at least one committed file; may be called again for the same folder. */
    void partitionCommitted(LakePartition partition);

    @Override
    default void close() {
    }
}
