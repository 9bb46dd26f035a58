package io.tributary.connect.s3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.tributary.model.TopicName;

/**
 * Lands zone topics ({@code <zone>.<stage>.<dataset>}) in S3 exactly once: as Parquet under
 * {@code <stage>/<zone>/<dataset>/<partition>/}, or as raw archives for landing data.
 */
public final class S3ParquetSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new S3ParquetSinkConfig(props);
        String topics = props.getOrDefault("topics", "");
        Optional<String> problem = topicProblem(topics);
        if (problem.isPresent()) {
            throw new ConfigException("topics", topics, problem.get());
        }
        this.props = Map.copyOf(props);
    }

    /** Every topic must be a zone topic, {@code <zone>.<stage>.<dataset>}, since the layout follows from its name. */
    private static Optional<String> topicProblem(String topics) {
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                try {
                    TopicName.parse(topic.trim());
                } catch (IllegalArgumentException e) {
                    return Optional.of(e.getMessage() + "; this sink lands zone topics (<zone>.<stage>.<dataset>) only");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3ParquetSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(S3ParquetSinkConfig.TASK_ID, String.valueOf(i));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        List<ConfigValue> values = new ArrayList<>(config.configValues());
        for (S3ParquetSinkConfig.Problem problem : S3ParquetSinkConfig.crossFieldProblems(connectorConfigs)) {
            ConfigValue value = values.stream().filter(v -> v.name().equals(problem.property())).findFirst().orElseGet(() -> {
                ConfigValue added = new ConfigValue(problem.property(), connectorConfigs.get(problem.property()), List.of(),
                        new ArrayList<>());
                values.add(added);
                return added;
            });
            value.addErrorMessage("Invalid value " + connectorConfigs.get(problem.property()) + " for configuration "
                    + problem.property() + ": " + problem.message());
        }
        String topics = connectorConfigs.getOrDefault("topics", "");
        topicProblem(topics).ifPresent(message -> values.add(new ConfigValue("topics", topics, List.of(),
                new ArrayList<>(List.of(message)))));
        return new Config(values);
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
