package io.tributary.connect.s3.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.s3.catalog.Catalog;
import io.tributary.connect.s3.catalog.LakePartition;

/** A catalog that remembers what it was told, for tests with the worker in this JVM. */
public final class RecordingCatalog implements Catalog {
    public static final List<LakePartition> PARTITIONS = new CopyOnWriteArrayList<>();
    public static final List<Map<String, String>> CONFIGURATIONS = new CopyOnWriteArrayList<>();

    @Override
    public void configure(Map<String, String> properties) {
        CONFIGURATIONS.add(Map.copyOf(properties));
    }

    @Override
    public void partitionCommitted(LakePartition partition) {
        PARTITIONS.add(partition);
    }
}
