package io.tributary.registry.server.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LeaderAssignorTest {

    @Test
    void oneEligibleMemberLeadsAndEveryoneLearnsItsUrl() {
        GroupAssignment result = assign(Map.of(
                "m1", new MemberInfo("http://b:8081", true),
                "m2", new MemberInfo("http://a:8081", true),
                "m3", new MemberInfo("http://0:8081", false)));
        assertThat(result.groupAssignment().get("m2").partitions()).containsExactly(new TopicPartition("_schemas", 0));
        assertThat(result.groupAssignment().get("m1").partitions()).isEmpty();
        assertThat(result.groupAssignment().get("m3").partitions()).isEmpty();
        for (Assignment a : result.groupAssignment().values()) {
            assertThat(MemberInfo.decode(a.userData())).hasValue(new MemberInfo("http://a:8081", true));
        }

        Recorder recorder = new Recorder();
        LeaderAssignor assignor = new LeaderAssignor();
        assignor.configure(Map.of(LeaderAssignor.LISTENER_CONFIG, recorder));
        assignor.onAssignment(result.groupAssignment().get("m2"), new ConsumerGroupMetadata("g", 4, "m2", Optional.empty()));
        assertThat(recorder.url).hasValue("http://a:8081");
        assertThat(recorder.self).isTrue();
        assignor.onAssignment(result.groupAssignment().get("m1"), new ConsumerGroupMetadata("g", 4, "m1", Optional.empty()));
        assertThat(recorder.self).isFalse();
    }

    @Test
    void withNoEligibleMemberNobodyLeads() {
        GroupAssignment result = assign(Map.of("m1", new MemberInfo("http://a:8081", false)));
        assertThat(result.groupAssignment().get("m1").partitions()).isEmpty();
        Recorder recorder = new Recorder();
        LeaderAssignor assignor = new LeaderAssignor();
        assignor.configure(Map.of(LeaderAssignor.LISTENER_CONFIG, recorder));
        assignor.onAssignment(result.groupAssignment().get("m1"), new ConsumerGroupMetadata("g", 1, "m1", Optional.empty()));
        assertThat(recorder.url).isEmpty();
    }

    private static GroupAssignment assign(Map<String, MemberInfo> members) {
        LeaderAssignor assignor = new LeaderAssignor();
        assignor.configure(Map.of(LeaderAssignor.LISTENER_CONFIG, new Recorder()));
        Map<String, Subscription> subscriptions = new java.util.HashMap<>();
        members.forEach((id, info) -> subscriptions.put(id, new Subscription(List.of("_schemas"), info.encode())));
        return assignor.assign(Cluster.empty(), new GroupSubscription(subscriptions));
    }

    private static final class Recorder implements ElectionListener {
        Optional<String> url = Optional.empty();
        boolean self;

        @Override
        public MemberInfo self() {
            return new MemberInfo("http://self:8081", true);
        }

        @Override
        public void elected(Optional<String> leaderUrl, boolean isSelf, int generation) {
            url = leaderUrl;
            self = isSelf;
        }

        @Override
        public void revoked() {
            url = Optional.empty();
        }
    }
}
