package io.tributary.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import io.tributary.model.ZoneDescriptor;
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

    /** One plan per descriptor, in order; two descriptors of the same zone would fight over its topics. */
    public List<ZonePlan> plan(Collection<ZoneDescriptor> descriptors) {
        Map<String, ZoneDescriptor> byZone = new HashMap<>();
        for (ZoneDescriptor descriptor : descriptors) {
            ZoneDescriptor other = byZone.putIfAbsent(descriptor.zone(), descriptor);
            if (other != null) {
                throw new ZoneTopicsException("Zone " + descriptor.zone() + " is described twice: in " + other.source()
                        + " and in " + descriptor.source());
            }
        }
        List<ZonePlan> plans = new ArrayList<>();
        descriptors.forEach(d -> plans.add(plan(d)));
        return plans;
    }
}
