package io.tributary.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;

/**
 * Which stages get a topic per dataset, and how each stage's topic is configured. The one place
 * where a stage's character (kept raw, deleted after retention, compacted) becomes topic configs.
 */
public final class StageTopicPolicy {
    public static final String RETENTION_MS = "retention.ms";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    /** The stages this tool manages today; ods and analytical topics come with their pipelines. */
    public static final List<Stage> DEFAULT_STAGES = List.of(Stage.LANDING, Stage.STAGING, Stage.REJECTED);

    private final List<Stage> stages;
    private final ClusterProfile profile;

    public StageTopicPolicy(List<Stage> stages, ClusterProfile profile) {
        this.stages = List.copyOf(stages);
        this.profile = profile;
    }

    public static StageTopicPolicy defaults(ClusterProfile profile) {
        return new StageTopicPolicy(DEFAULT_STAGES, profile);
    }

    public List<Stage> stages() {
        return stages;
    }

    public boolean manages(Stage stage) {
        return stages.contains(stage);
    }

    public ClusterProfile profile() {
        return profile;
    }

    /** The topic of {@code dataset} in {@code stage} of {@code zone}. */
    public TopicSpec topic(String zone, DatasetSpec dataset, Stage stage) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(RETENTION_MS, Long.toString(dataset.retention(stage).ms()));
        configs.put(CLEANUP_POLICY, cleanupPolicy(stage));
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(profile.minInsyncReplicas()));
        return new TopicSpec(dataset.topic(zone, stage).toString(), dataset.partitions(), profile.replicationFactor(), configs);
    }

    /** ODS topics hold the current state of canonical entities, so they keep the last record per key. */
    static String cleanupPolicy(Stage stage) {
        return stage == Stage.ODS ? "compact" : "delete";
    }
}
