package io.tributary.connect.s3.catalog;

/** The default: no catalog is kept up to date (tables are created by other means, or partitions projected). */
public final class NoopCatalog implements Catalog {

    @Override
    public void partitionCommitted(LakePartition partition) {
        // nothing to tell
    }
}
