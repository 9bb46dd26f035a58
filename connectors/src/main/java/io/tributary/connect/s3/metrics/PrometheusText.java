package io.tributary.connect.s3.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tasks' metrics in Prometheus' text exposition format: {@code tributary_sink_<name>}
 * (dashes become underscores, counters end in {@code _total}) with {@code connector} and
 * {@code task} labels.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(Collection<TaskMetrics> tasks) {
        Map<String, StringBuilder> families = new LinkedHashMap<>();
        for (TaskMetrics task : tasks) {
            for (TaskMetrics.Metric m : task.metrics().values()) {
                String name = "tributary_sink_" + m.name().replace('-', '_');
                StringBuilder family = families.computeIfAbsent(name, n -> new StringBuilder()
                        .append("# HELP ").append(n).append(' ').append(m.help()).append('\n')
                        .append("# TYPE ").append(n).append(' ').append(m.counter() ? "counter" : "gauge").append('\n'));
                family.append(name).append("{connector=\"").append(escape(task.connector())).append("\",task=\"")
                        .append(escape(task.task())).append("\"} ").append(m.value().getAsLong()).append('\n');
            }
        }
        StringBuilder out = new StringBuilder();
        families.values().forEach(out::append);
        return out.toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
