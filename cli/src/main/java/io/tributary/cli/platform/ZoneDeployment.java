package io.tributary.cli.platform;

import java.util.Map;

import io.tributary.cli.security.ZoneSecurity;
import io.tributary.local.ConnectRest;
import io.tributary.model.ClientSettings;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.topics.ApplyResult;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.ZonePlan;
import io.tributary.topics.ZoneTopics;

/** Puts a zone onto the running local platform: its topics and schemas, then its sink connectors. */
final class ZoneDeployment {
    private static final java.time.Duration REGISTRY_TIMEOUT = java.time.Duration.ofSeconds(10);
    private final PlatformConfig config;
    private final ClientSettings kafka;

    ZoneDeployment(PlatformConfig config, ClientSettings kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** Gives every zone principal its SCRAM credential and converges the ACLs; returns a one-line summary. */
    String applySecurity(java.util.List<ZoneDescriptor> zones, CredentialStore secrets) {
        try (ZoneSecurity security = ZoneSecurity.connect(kafka)) {
            AclPlan plan = security.plan(zones);
            java.util.List<String> users = security.apply(zones, plan, secrets);
            return users.size() + " credential(s) set, " + plan.toCreate().size() + " ACL(s) created, " + plan.toDelete().size()
                    + " removed; passwords in " + secrets.file();
        }
    }

    /**
     * Each zone's platform topics ({@code _tributary.<zone>.batches}, {@code .holds}, {@code .holds.audit}), created
     * by the platform: no zone role may create topics, and the processors wait for these. Returns a one-line summary.
     */
    String ensurePlatformTopics(java.util.List<ZoneDescriptor> zones) {
        java.util.List<String> created = PlatformTopicsSetup.ensurePlatformTopics(kafka, zones);
        return created.isEmpty() ? "platform topics of " + zones.size() + " zone(s) exist"
                : "created " + String.join(", ", created);
    }

    /** Applies the zone and returns a one-line summary of what changed. */
    String apply(ZoneDescriptor zone) {
        ApplyResult result;
        try (ZoneTopics topics = ZoneTopics.connect(kafka, new HttpSchemaRegistry(config.registryUrl(), kafka.registryUserInfo().orElse(null), REGISTRY_TIMEOUT), ClusterProfile.singleNode())) {
            ZonePlan plan = topics.plan(zone);
            result = topics.apply(plan, false);
        }
        ConnectRest connect = new ConnectRest(config.connectUrl());
        // Topics first (above), then connectors: the zone's batches topic is its ingress source's catalogue.
        PlatformTopicsSetup.ensurePlatformTopics(kafka, java.util.List.of(zone));
        Map<String, Map<String, String>> connectors = ZoneConnectors.of(config, zone);
        connectors.forEach(connect::putConnectorConfig);
        long changes = result.applied().stream().filter(a -> a.outcome() == io.tributary.topics.AppliedAction.Outcome.DONE).count();
        return changes + " topic/schema change(s); connectors " + String.join(", ", connectors.keySet());
    }
}
