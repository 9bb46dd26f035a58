package io.tributary.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.client.SchemaRegistry;

/**
 * Carries out a {@link ZonePlan}. Every action is safe to repeat and tolerates having been done
 * by someone else since the plan (a topic created concurrently, partitions already added, a
 * topic already deleted), so applying a stale plan twice changes nothing the second time. It
 * returns once the brokers show the changes, so that a plan made next sees them.
 */
public final class ZoneApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneApplier.class);

    private final Admin admin;
    private final SchemaRegistry registry;
    private final Duration timeout;
    private final MetadataConvergence convergence;

    public ZoneApplier(Admin admin, SchemaRegistry registry, Duration timeout) {
        this.admin = admin;
        this.registry = registry;
        this.timeout = timeout;
        this.convergence = new MetadataConvergence(admin, timeout);
    }

    /**
     * Applies the plan's actions in order, deleting unmanaged topics only if {@code deleteUnmanaged}.
     *
     * @throws PlanNotApplicableException if the plan has problems: then nothing is applied
     * @throws ZoneApplyException if an action fails: the actions before it stay applied
     */
    public ApplyResult apply(ZonePlan plan, boolean deleteUnmanaged) {
        if (plan.hasProblems()) {
            throw new PlanNotApplicableException(plan);
        }
        List<AppliedAction> done = new ArrayList<>();
        for (PlanAction action : plan.actions(deleteUnmanaged)) {
            try {
                done.add(apply(plan.zone(), action));
            } catch (Exception e) {
                throw new ZoneApplyException(new ApplyResult(plan.zone(), done), action, e);
            }
        }
        convergence.await(plan.zone(), done);
        return new ApplyResult(plan.zone(), done);
    }

    public List<ApplyResult> apply(Collection<ZonePlan> plans, boolean deleteUnmanaged) {
        List<ZonePlan> withProblems = plans.stream().filter(ZonePlan::hasProblems).toList();
        if (!withProblems.isEmpty()) {
            throw new PlanNotApplicableException(withProblems.get(0));
        }
        return plans.stream().map(p -> apply(p, deleteUnmanaged)).toList();
    }

    private AppliedAction apply(String zone, PlanAction action) throws Exception {
        if (action instanceof CreateTopic c) {
            return create(zone, c);
        } else if (action instanceof AlterTopicConfigs a) {
            return alter(zone, a);
        } else if (action instanceof AddPartitions p) {
            return addPartitions(zone, p);
        } else if (action instanceof DeleteTopic d) {
            return delete(zone, d);
        } else if (action instanceof RegisterSchema r) {
            return register(zone, r);
        }
        throw new IllegalArgumentException("unknown plan action " + action);
    }

    private AppliedAction create(String zone, CreateTopic action) throws Exception {
        TopicSpec topic = action.topic();
        NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor()).configs(topic.configs());
        try {
            KafkaCalls.await(admin.createTopics(List.of(newTopic)).all(), timeout, "creating topic " + topic.name());
        } catch (TopicExistsException e) {
            LOG.info("Zone {}: topic {} already exists (created since the plan)", zone, topic.name());
            return new AppliedAction(action, AppliedAction.Outcome.ALREADY_DONE,
                    "created concurrently since the plan; plan again to compare its configs");
        }
        LOG.info("Zone {}: created topic {} with {} partitions, replication factor {}, configs {}", zone, topic.name(),
                topic.partitions(), topic.replicationFactor(), topic.configs());
        return new AppliedAction(action, AppliedAction.Outcome.DONE, "");
    }

    private AppliedAction alter(String zone, AlterTopicConfigs action) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, action.topic());
        List<AlterConfigOp> ops = action.changes().stream()
                .map(c -> new AlterConfigOp(new ConfigEntry(c.key(), c.newValue()), AlterConfigOp.OpType.SET))
                .toList();
        KafkaCalls.await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all(), timeout,
                "altering the configs of topic " + action.topic());
        LOG.info("Zone {}: altered topic {}: {}", zone, action.topic(), action.changes());
        return new AppliedAction(action, AppliedAction.Outcome.DONE,
                String.join(", ", action.changes().stream().map(ConfigChange::toString).toList()));
    }

    private AppliedAction addPartitions(String zone, AddPartitions action) throws Exception {
        try {
            KafkaCalls.await(admin.createPartitions(Map.of(action.topic(), NewPartitions.increaseTo(action.to()))).all(),
                    timeout, "adding partitions to topic " + action.topic());
        } catch (InvalidPartitionsException e) {
            int now = KafkaCalls.require(admin.describeTopics(List.of(action.topic())).allTopicNames(), timeout,
                    "describing topic " + action.topic()).get(action.topic()).partitions().size();
            if (now != action.to()) {
                throw e;
            }
            return new AppliedAction(action, AppliedAction.Outcome.ALREADY_DONE, "already has " + now + " partitions");
        }
        LOG.info("Zone {}: topic {} now has {} partitions (had {})", zone, action.topic(), action.to(), action.from());
        return new AppliedAction(action, AppliedAction.Outcome.DONE, action.from() + " -> " + action.to() + " partitions");
    }

    private AppliedAction delete(String zone, DeleteTopic action) throws Exception {
        try {
            KafkaCalls.await(admin.deleteTopics(List.of(action.topic())).all(), timeout, "deleting topic " + action.topic());
        } catch (UnknownTopicOrPartitionException e) {
            return new AppliedAction(action, AppliedAction.Outcome.ALREADY_DONE, "already gone");
        }
        LOG.info("Zone {}: deleted unmanaged topic {}", zone, action.topic());
        return new AppliedAction(action, AppliedAction.Outcome.DONE, "");
    }

    private AppliedAction register(String zone, RegisterSchema action) {
        // Registering is idempotent in the registry: the same schema under the same subject keeps its id.
        int id = registry.register(action.subject(), action.schema());
        LOG.info("Zone {}: registered schema {} under subject {} (id {})", zone, action.schema().getFullName(),
                action.subject(), id);
        return new AppliedAction(action, AppliedAction.Outcome.DONE, "id " + id);
    }
}
