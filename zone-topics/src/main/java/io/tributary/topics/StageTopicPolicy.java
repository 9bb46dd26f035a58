package io.tributary.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;

/**
 * Which stages get a topic per dataset, and how each stage's topic is configured. The one place
 * where a stage's character (kept raw, deleted after retention, compacted) becomes topic configs.
 */
public final class StageTopicPolicy {
    public static final String RETENTION_MS = "retention.ms";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    /**
     * Largest record batch a landing topic takes (8 MiB), well above the validator's own limit
     * ({@code tributary.validator.max-record-bytes}, 1 MiB): a record too large for the platform
     * still lands, and the validator rejects it as {@code TOO_LARGE} with its bytes, so nothing is
     * lost unseen. Only what exceeds this is refused to the producer, which then knows.
     */
    public static final int LANDING_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** A rejected record is a landing record's bytes plus reason headers: 1 MiB of headroom above landing. */
    public static final int REJECTED_MAX_MESSAGE_BYTES = LANDING_MAX_MESSAGE_BYTES + 1024 * 1024;
    static final String COMPACT = "compact";
    /** Seven days: the upsert step is normally seconds behind; this leaves a week to restart it. */
    static final long MAPPED_RETENTION_MS = 7L * 24 * 3600 * 1000;

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

    /**
     * Stages whose topics absent from the descriptor this tool calls unmanaged (and deletes on
     * request). Entities' ods topics are created from the descriptor, but an ods topic it no longer
     * names is left alone: its data may still be read.
     */
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
        configs.put(CLEANUP_POLICY, dataset.reference() && stage == Stage.STAGING ? COMPACT : cleanupPolicy(stage));
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(profile.minInsyncReplicas()));
        maxMessageBytes(stage).ifPresent(max -> configs.put(MAX_MESSAGE_BYTES, Integer.toString(max)));
        return new TopicSpec(dataset.topic(zone, stage).toString(), dataset.partitions(), profile.replicationFactor(), configs);
    }

    /** Landing and rejected take records larger than the validator accepts (see {@link #LANDING_MAX_MESSAGE_BYTES}); others keep the broker's. */
    static OptionalInt maxMessageBytes(Stage stage) {
        return switch (stage) {
            case LANDING -> OptionalInt.of(LANDING_MAX_MESSAGE_BYTES);
            case REJECTED -> OptionalInt.of(REJECTED_MAX_MESSAGE_BYTES);
            default -> OptionalInt.empty();
        };
    }

    /**
     * An entity's ods topic: compacted, so that it keeps the latest record of every business key for
     * as long as the key lives (a lookup or a restarted consumer reads the whole current state).
     */
    public TopicSpec entityTopic(String zone, EntitySpec entity) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(RETENTION_MS, "-1");
        configs.put(CLEANUP_POLICY, COMPACT);
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(profile.minInsyncReplicas()));
        return new TopicSpec(entity.topic(zone).toString(), entity.partitions(), profile.replicationFactor(), configs);
    }

    /** An analytical output's topic: facts keyed like their entity, compacted as the entity's topic is. */
    public TopicSpec analyticalTopic(String zone, AnalyticalSpec output) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(RETENTION_MS, "-1");
        configs.put(CLEANUP_POLICY, COMPACT);
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(profile.minInsyncReplicas()));
        return new TopicSpec(output.topic(zone).toString(), output.partitions(), profile.replicationFactor(), configs);
    }

    /**
     * Between an entity's mapping step (one per source) and its upsert step: mapped records keyed by
     * business key, read once by the upsert step, so kept for a while only.
     */
    public TopicSpec mappedTopic(String zone, EntitySpec entity) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(RETENTION_MS, Long.toString(MAPPED_RETENTION_MS));
        configs.put(CLEANUP_POLICY, "delete");
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(profile.minInsyncReplicas()));
        return new TopicSpec(entity.mappedTopic(zone), entity.partitions(), profile.replicationFactor(), configs);
    }

    /** ODS topics hold the current state of canonical entities, so they keep the last record per key. */
    static String cleanupPolicy(Stage stage) {
        return stage == Stage.ODS ? "compact" : "delete";
    }
}
