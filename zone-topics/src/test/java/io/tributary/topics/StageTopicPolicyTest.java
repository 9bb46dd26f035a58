package io.tributary.topics;

import static io.tributary.topics.Descriptors.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.model.Retention;
import io.tributary.model.Stage;

class StageTopicPolicyTest {

    @Test
    void odsTopicsAreCompactedAndOthersDeleteAfterRetention() {
        StageTopicPolicy policy = new StageTopicPolicy(List.of(Stage.values()), ClusterProfile.production());
        var expenses = dataset("expenses", 4, Map.of(Stage.ODS, Retention.FOREVER));

        TopicSpec ods = policy.topic("finance", expenses, Stage.ODS);
        TopicSpec rejected = policy.topic("finance", expenses, Stage.REJECTED);

        assertThat(ods.name()).isEqualTo("finance.ods.expenses");
        assertThat(ods.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        assertThat(rejected.configs()).containsEntry("cleanup.policy", "delete").containsEntry("min.insync.replicas", "2");
        assertThat(rejected.replicationFactor()).isEqualTo((short) 3);
        assertThat(rejected.partitions()).isEqualTo(4);
    }

    @Test
    void landingAndRejectedTakeRecordsAboveTheValidatorsLimitSoThatTooLargeRecordsAreRejectedNotRefused() {
        StageTopicPolicy policy = new StageTopicPolicy(List.of(Stage.values()), ClusterProfile.singleNode());
        var expenses = dataset("expenses", 3, Map.of());

        assertThat(policy.topic("finance", expenses, Stage.LANDING).configs()).containsEntry("max.message.bytes", "8388608");
        assertThat(policy.topic("finance", expenses, Stage.REJECTED).configs()).containsEntry("max.message.bytes", "9437184");
        assertThat(policy.topic("finance", expenses, Stage.STAGING).configs()).doesNotContainKey("max.message.bytes");
        assertThat(policy.topic("finance", expenses, Stage.ODS).configs()).doesNotContainKey("max.message.bytes");
        // The validator rejects above 1 MiB (tributary.validator.max-record-bytes); a rejected copy carries headers too.
        assertThat(StageTopicPolicy.LANDING_MAX_MESSAGE_BYTES).isGreaterThan(1024 * 1024);
        assertThat(StageTopicPolicy.REJECTED_MAX_MESSAGE_BYTES).isGreaterThan(StageTopicPolicy.LANDING_MAX_MESSAGE_BYTES);
    }

    @Test
    void defaultPolicyManagesLandingStagingAndRejectedOnly() {
        StageTopicPolicy policy = StageTopicPolicy.defaults(ClusterProfile.singleNode());

        assertThat(policy.stages()).containsExactly(Stage.LANDING, Stage.STAGING, Stage.REJECTED);
        assertThat(policy.manages(Stage.ODS)).isFalse();
    }

    @Test
    void clusterProfileRejectsImpossibleSettingsNamingTheKey() {
        assertThat(ClusterProfile.fromSettings(Map.of("replication.factor", "3", "min.insync.replicas", "2")))
                .isEqualTo(ClusterProfile.production());
        assertThat(ClusterProfile.fromSettings(Map.of())).isEqualTo(ClusterProfile.singleNode());
        assertThatThrownBy(() -> ClusterProfile.fromSettings(Map.of("replication.factor", "1", "min.insync.replicas", "2")))
                .hasMessageContaining("min.insync.replicas must be between 1 and replication.factor (1), not 2");
        assertThatThrownBy(() -> ClusterProfile.fromSettings(Map.of("replication.factor", "three")))
                .hasMessageContaining("replication.factor must be a whole number, not 'three'");
    }
}
