package io.tributary.registry.server.leader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The registry's election, run by Kafka's group protocol: the group's coordinator member calls
 * {@link #assign} with every member's {@link MemberInfo}; it elects one eligible member (the one
 * with the smallest URL, so that the choice is deterministic), gives it the schema topic's only
 * partition as a token, and tells every member the leader's URL.
 */
public final class LeaderAssignor implements ConsumerPartitionAssignor, Configurable {
    /** The configuration key under which the election passes its listener to the assignor Kafka creates. */
    static final String LISTENER_CONFIG = "tributary.registry.election.listener";
    static final String NAME = "tributary-registry-leader";

    private ElectionListener listener;

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(LISTENER_CONFIG);
        if (!(value instanceof ElectionListener)) {
            throw new IllegalArgumentException(LISTENER_CONFIG + " must hold the election's listener");
        }
        listener = (ElectionListener) value;
    }

    @Override
    public ByteBuffer subscriptionUserData(java.util.Set<String> topics) {
        return listener.self().encode();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> members = groupSubscription.groupSubscription();
        Optional<Map.Entry<String, MemberInfo>> leader = members.entrySet().stream()
                .flatMap(e -> MemberInfo.decode(e.getValue().userData()).stream().map(info -> Map.entry(e.getKey(), info)))
                .filter(e -> e.getValue().eligible())
                .min(Comparator.comparing((Map.Entry<String, MemberInfo> e) -> e.getValue().url()).thenComparing(Map.Entry::getKey));
        ByteBuffer decision = new MemberInfo(leader.map(e -> e.getValue().url()).orElse(""), leader.isPresent()).encode();
        Map<String, Assignment> assignments = new HashMap<>();
        for (Map.Entry<String, Subscription> member : members.entrySet()) {
            List<TopicPartition> token = new ArrayList<>();
            if (leader.isPresent() && leader.get().getKey().equals(member.getKey())) {
                token.add(new TopicPartition(member.getValue().topics().get(0), 0));
            }
            assignments.put(member.getKey(), new Assignment(token, decision.duplicate()));
        }
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        Optional<MemberInfo> decision = MemberInfo.decode(assignment.userData());
        Optional<String> leaderUrl = decision.filter(MemberInfo::eligible).map(MemberInfo::url);
        listener.elected(leaderUrl, !assignment.partitions().isEmpty(), metadata.generationId());
    }

    @Override
    public String name() {
        return NAME;
    }
}
