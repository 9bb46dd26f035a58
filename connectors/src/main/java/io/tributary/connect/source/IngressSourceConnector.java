package io.tributary.connect.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import io.tributary.connect.s3.Versions;

/**
 * Ingests files dropped in an ingress bucket under {@code <zone>/<dataset>/} into
 * {@code <zone>.landing.<dataset>}, one batch per file, exactly once: on a worker with
 * {@code exactly.once.source.support=enabled} and {@code transaction.boundary=connector}, each
 * file's rows, its arrival record and its source offset are one Kafka transaction. Tasks share the
 * zones out.
 */
public final class IngressSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new IngressSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return IngressSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> zones = new IngressSourceConfig(props).zones();
        int tasks = Math.max(1, Math.min(maxTasks, zones.size()));
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < zones.size(); i++) {
            shares.get(i % tasks).add(zones.get(i));
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> share : shares) {
            Map<String, String> config = new HashMap<>(props);
            config.put(IngressSourceConfig.TASK_ZONES, String.join(",", share));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }

    @Override
    public void stop() {
        // Tasks hold the resources.
    }

    @Override
    public ConfigDef config() {
        return IngressSourceConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Versions.connector();
    }
}
