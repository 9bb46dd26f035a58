package io.tributary.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import io.tributary.model.DescriptorProblem;
import io.tributary.model.ZoneDescriptor;
import io.tributary.model.ZoneReferences;
import io.tributary.registry.client.SchemaRegistry;

/** Plans, for each zone descriptor, the changes that bring the cluster and the registry in line with it. */
public final class ZonePlanner {
    private final ZoneObserver observer;
    private final StageTopicPolicy policy;

    public ZonePlanner(Admin admin, SchemaRegistry registry, StageTopicPolicy policy, Duration timeout) {
        this.observer = new ZoneObserver(admin, registry, timeout);
        this.policy = policy;
    }

    public ZonePlan plan(ZoneDescriptor descriptor) {
        DesiredZone desired = DesiredZone.of(descriptor, policy);
        ObservedZone observed = observer.observe(descriptor.zone(),
                desired.schemas().stream().map(SchemaSpec::subject).toList());
        return ZoneDiff.between(desired, observed, policy);
    }

    /**
     * One plan per descriptor, in order; two descriptors of the same zone would fight over its
     * topics. A zone that uses another zone's data not published to it gets a problem naming both
     * zones and the dataset, so that its plan is not applied.
     */
    public List<ZonePlan> plan(Collection<ZoneDescriptor> descriptors) {
        Map<String, ZoneDescriptor> byZone = new HashMap<>();
        for (ZoneDescriptor descriptor : descriptors) {
            ZoneDescriptor other = byZone.putIfAbsent(descriptor.zone(), descriptor);
            if (other != null) {
                throw new ZoneTopicsException("Zone " + descriptor.zone() + " is described twice: in " + other.source()
                        + " and in " + descriptor.source());
            }
        }
        Map<String, List<PlanProblem>> references = referenceProblems(descriptors);
        List<ZonePlan> plans = new ArrayList<>();
        for (ZoneDescriptor descriptor : descriptors) {
            plans.add(plan(descriptor).withProblems(references.getOrDefault(descriptor.zone(), List.of())));
        }
        return plans;
    }

    /** Zone → what it says about other zones that does not hold (e.g. it uses data not published to it). */
    public static Map<String, List<PlanProblem>> referenceProblems(Collection<ZoneDescriptor> descriptors) {
        List<DescriptorProblem> problems = ZoneReferences.check(descriptors);
        Map<String, List<PlanProblem>> byZone = new HashMap<>();
        for (ZoneDescriptor descriptor : descriptors) {
            byZone.put(descriptor.zone(), problems.stream()
                    .filter(p -> p.file().equals(descriptor.source()))
                    .map(p -> new PlanProblem("zone " + descriptor.zone(), p.toString()))
                    .toList());
        }
        return byZone;
    }
}
