package io.tributary.connect.s3.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Publishes a task's metrics through Connect's plugin metrics, so they appear in the worker's
 * JMX as {@code kafka.connect:type=plugins,connector=<name>,task=<n>} beside Connect's own.
 */
public final class ConnectMetricsBinding implements AutoCloseable {
    private final PluginMetrics plugin;
    private final List<MetricName> names = new ArrayList<>();

    public ConnectMetricsBinding(PluginMetrics plugin, TaskMetrics metrics) {
        this.plugin = plugin;
        for (TaskMetrics.Metric m : metrics.metrics().values()) {
            MetricName name = plugin.metricName(m.name(), m.help(), new LinkedHashMap<>());
            plugin.addMetric(name, (Gauge<Long>) (config, now) -> m.value().getAsLong());
            names.add(name);
        }
    }

    @Override
    public void close() {
        names.forEach(plugin::removeMetric);
        names.clear();
    }
}
