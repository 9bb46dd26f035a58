package io.tributary.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.tributary.model.ClientSettings;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Entry point for {@code tributary zones plan|apply}: one Admin client to the cluster, one
 * registry, one cluster profile. Close it to close the Admin client.
 */
public final class ZoneTopics implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final ZonePlanner planner;
    private final ZoneApplier applier;

    public ZoneTopics(Admin admin, SchemaRegistry registry, StageTopicPolicy policy, Duration timeout) {
        this.admin = admin;
        this.planner = new ZonePlanner(admin, registry, policy, timeout);
        this.applier = new ZoneApplier(admin, registry, timeout);
    }

    public static ZoneTopics connect(ClientSettings settings, SchemaRegistry registry, ClusterProfile profile) {
        Map<String, Object> config = settings.asConfig();
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEFAULT_TIMEOUT.toMillis());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-zone-topics");
        return new ZoneTopics(Admin.create(config), registry, StageTopicPolicy.defaults(profile), DEFAULT_TIMEOUT);
    }

    public ZonePlan plan(ZoneDescriptor descriptor) {
        return planner.plan(descriptor);
    }

    public List<ZonePlan> plan(Collection<ZoneDescriptor> descriptors) {
        return planner.plan(descriptors);
    }

    public ApplyResult apply(ZonePlan plan, boolean deleteUnmanaged) {
        return applier.apply(plan, deleteUnmanaged);
    }

    public List<ApplyResult> apply(Collection<ZonePlan> plans, boolean deleteUnmanaged) {
        return applier.apply(plans, deleteUnmanaged);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
