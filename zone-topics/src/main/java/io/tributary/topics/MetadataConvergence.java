package io.tributary.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the brokers show what an apply changed. The controller acknowledges a change before
 * every broker's metadata has it, so without this a plan made right after an apply could show
 * the same changes again.
 */
final class MetadataConvergence {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataConvergence.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration timeout;

    MetadataConvergence(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    void await(String zone, List<AppliedAction> applied) {
        List<PlanAction> changes = applied.stream()
                .filter(a -> a.outcome() == AppliedAction.Outcome.DONE)
                .map(AppliedAction::action)
                .filter(a -> !(a instanceof RegisterSchema))
                .toList();
        if (changes.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(timeout);
        List<PlanAction> pending = changes;
        while (true) {
            pending = notYetVisible(pending);
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                LOG.warn("Zone {}: after {} s the brokers do not yet show {}; a plan made now may list them again",
                        zone, timeout.toSeconds(), pending.stream().map(PlanAction::target).toList());
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<PlanAction> notYetVisible(List<PlanAction> changes) {
        Set<String> topics = KafkaCalls.require(admin.listTopics().names(), timeout, "listing topics");
        List<PlanAction> pending = new ArrayList<>();
        Set<String> toDescribe = new HashSet<>();
        for (PlanAction change : changes) {
            boolean exists = topics.contains(change.target());
            boolean visible = change instanceof DeleteTopic ? !exists : exists;
            if (!visible) {
                pending.add(change);
            } else if (change instanceof AddPartitions || change instanceof AlterTopicConfigs) {
                toDescribe.add(change.target());
            }
        }
        if (toDescribe.isEmpty()) {
            return pending;
        }
        Map<String, TopicDescription> descriptions = KafkaCalls.require(admin.describeTopics(toDescribe).allTopicNames(),
                timeout, "describing topics " + toDescribe);
        List<ConfigResource> resources = toDescribe.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = KafkaCalls.require(admin.describeConfigs(resources).all(), timeout,
                "reading configs of topics " + toDescribe);
        for (PlanAction change : changes) {
            if (change instanceof AddPartitions p && descriptions.get(p.topic()).partitions().size() < p.to()) {
                pending.add(change);
            } else if (change instanceof AlterTopicConfigs a && !showsNewValues(configs.get(topic(a.topic())), a)) {
                pending.add(change);
            }
        }
        return pending;
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static boolean showsNewValues(Config config, AlterTopicConfigs alter) {
        return alter.changes().stream().allMatch(c -> {
            ConfigEntry entry = config.get(c.key());
            return entry != null && c.newValue().equals(entry.value());
        });
    }
}
