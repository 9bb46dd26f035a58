package io.tributary.connect.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.tributary.model.TopicName;

/**
 * Lands zone topics ({@code <zone>.<stage>.<dataset>}, values in the Confluent wire format) in
 * S3 as Parquet, under {@code <stage>/<zone>/<dataset>/dt=YYYY-MM-DD/}, exactly once.
 */
public final class S3ParquetSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new S3ParquetSinkConfig(props);
        String topics = props.getOrDefault("topics", "");
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                try {
                    TopicName.parse(topic.trim());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("topics", topics, e.getMessage() + "; this sink lands zone topics only");
                }
            }
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3ParquetSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        List<String> problems = S3ParquetSinkConfig.crossFieldProblems(connectorConfigs);
        for (ConfigValue value : config.configValues()) {
            if (value.name().equals(S3ParquetSinkConfig.AWS_SECRET_ACCESS_KEY) || value.name().equals(S3ParquetSinkConfig.AWS_ACCESS_KEY_ID)) {
                problems.forEach(value::addErrorMessage);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // Nothing held: the tasks do the work.
    }

    @Override
    public ConfigDef config() {
        return S3ParquetSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Versions.connector();
    }
}
