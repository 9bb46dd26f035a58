package io.tributary.connect.s3.metrics;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The running tasks' metrics in this worker, for the Prometheus endpoint. The connector and the
 * REST extension come from the same plugin, hence the same class loader and the same registry.
 */
public final class MetricsRegistry {
    private static final ConcurrentMap<String, TaskMetrics> TASKS = new ConcurrentHashMap<>();

    private MetricsRegistry() {
    }

    public static void register(TaskMetrics metrics) {
        TASKS.put(metrics.connector() + "/" + metrics.task(), metrics);
    }

    public static void unregister(TaskMetrics metrics) {
        TASKS.remove(metrics.connector() + "/" + metrics.task(), metrics);
    }

    public static Collection<TaskMetrics> tasks() {
        return List.copyOf(TASKS.values());
    }
}
