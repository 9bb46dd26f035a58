package io.tributary.processors.ods;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a zone's ods pipelines, one Kafka Streams instance each, and pauses or resumes the mapping
 * instance of a dataset (a steward hold): a paused instance stops fetching, so the dataset's records
 * wait in staging, and its committed offsets are where it resumes.
 */
public final class OdsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OdsRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String zone;
    private final Map<String, KafkaStreams> byApplication = new LinkedHashMap<>();
    private final Map<String, KafkaStreams> byDataset = new LinkedHashMap<>();

    /**
     * @param base Kafka Streams settings shared by every instance (bootstrap, processing guarantee,
     *             state dir, …); each instance gets its own {@code application.id}
     */
    public OdsRuntime(String zone, List<OdsPipelines.Pipeline> pipelines, Properties base) {
        this(zone, pipelines, pipeline -> base);
    }

    /**
     * @param settings each pipeline's Kafka Streams settings (its role's identity among them); each instance
     *                 gets its own {@code application.id} on top
     */
    public OdsRuntime(String zone, List<OdsPipelines.Pipeline> pipelines, Function<OdsPipelines.Pipeline, Properties> settings) {
        this.zone = zone;
        for (OdsPipelines.Pipeline pipeline : pipelines) {
            Properties props = new Properties();
            props.putAll(settings.apply(pipeline));
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, pipeline.applicationId());
            props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            KafkaStreams streams = new KafkaStreams(pipeline.topology(), props);
            String kind = pipeline.kind() == OdsPipelines.Kind.ANALYTICAL ? "analytical" : "ods";
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("Zone {}: {} application {} failed; replacing its thread, records are processed again from the last commit: {}",
                        zone, kind, pipeline.applicationId(), e.toString());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            streams.setStateListener((now, before) -> LOG.info("Zone {}: {} application {} is {} (was {})", zone, kind,
                    pipeline.applicationId(), now, before));
            byApplication.put(pipeline.applicationId(), streams);
            if (pipeline.dataset() != null) {
                byDataset.put(pipeline.dataset(), streams);
            }
        }
    }

    public void start() {
        byApplication.values().forEach(KafkaStreams::start);
    }

    /** Stops the dataset's mapping from fetching; false if no entity reads the dataset. */
    public boolean pause(String dataset) {
        KafkaStreams streams = byDataset.get(dataset);
        if (streams == null) {
            return false;
        }
        if (!streams.isPaused()) {
            streams.pause();
            LOG.info("Zone {}: dataset {} is held; its staging records wait until it is released", zone, dataset);
        }
        return true;
    }

    public boolean resume(String dataset) {
        KafkaStreams streams = byDataset.get(dataset);
        if (streams == null) {
            return false;
        }
        if (streams.isPaused()) {
            streams.resume();
            LOG.info("Zone {}: dataset {} is released; its staging records move on to ods from where they waited", zone, dataset);
        }
        return true;
    }

    /** The datasets whose mapping is paused now. */
    public List<String> heldDatasets() {
        return byDataset.entrySet().stream().filter(e -> e.getValue().isPaused()).map(Map.Entry::getKey).toList();
    }

    public boolean isPaused(String dataset) {
        KafkaStreams streams = byDataset.get(dataset);
        return streams != null && streams.isPaused();
    }

    /**
     * Application id → its Kafka Streams instance, so that the application wiring can follow each one's state and
     * failures (its own state listener and uncaught exception handler replace the logging ones set here, before {@link #start()}).
     */
    public Map<String, KafkaStreams> applications() {
        return java.util.Collections.unmodifiableMap(byApplication);
    }

    /** Application id → state. */
    public Map<String, KafkaStreams.State> states() {
        Map<String, KafkaStreams.State> states = new LinkedHashMap<>();
        byApplication.forEach((id, s) -> states.put(id, s.state()));
        return states;
    }

    public boolean allRunning() {
        return byApplication.values().stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    @Override
    public void close() {
        byApplication.values().forEach(s -> s.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT)));
    }
}
