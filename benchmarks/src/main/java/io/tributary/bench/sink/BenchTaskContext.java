package io.tributary.bench.sink;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** What a worker gives a sink task, reduced to what the benchmark needs: no seeking, no metrics, no dead-letter queue. */
final class BenchTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;
    private final Set<TopicPartition> assignment = new HashSet<>();

    BenchTaskContext(Map<String, String> configs) {
        this.configs = configs;
    }

    void assign(TopicPartition tp) {
        assignment.add(tp);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        // every run starts on an empty lake
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        // every run starts on an empty lake
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
