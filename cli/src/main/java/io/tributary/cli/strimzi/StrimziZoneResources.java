package io.tributary.cli.strimzi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.topics.DesiredZone;
import io.tributary.topics.StageTopicPolicy;
import io.tributary.topics.TopicSpec;

/**
 * A zone as Strimzi resources, for GitOps: a {@code KafkaTopic} for every topic its descriptor asks
 * for (as {@code zones apply} would create it) and for each of the zone's platform topics
 * ({@link PlatformTopics#of}), and a {@code KafkaUser} (SCRAM-SHA-512) for every
 * principal of the zone, with exactly the ACLs the security model derives from the descriptors.
 * The Strimzi operators then converge the cluster; the resources carry the cluster's label.
 * By default the User Operator generates each user's password; {@link #withPasswordSecrets()} makes every
 * KafkaUser read ours from its {@link PasswordSecretRef} Secret instead.
 */
public final class StrimziZoneResources {
    public static final String API_VERSION = "kafka.strimzi.io/v1";
    static final String ZONE_LABEL = "tributary.io/zone";
    static final String SCRAM = "scram-sha-512";

    private final String cluster;
    private final StageTopicPolicy policy;
    private final boolean passwordSecrets;

    public StrimziZoneResources(String cluster, StageTopicPolicy policy) {
        this(cluster, policy, false);
    }

    private StrimziZoneResources(String cluster, StageTopicPolicy policy, boolean passwordSecrets) {
        this.cluster = cluster;
        this.policy = policy;
        this.passwordSecrets = passwordSecrets;
    }

    /** The same resources, but every KafkaUser's password comes from its Secret {@code <user>-password}. */
    public StrimziZoneResources withPasswordSecrets() {
        return new StrimziZoneResources(cluster, policy, true);
    }

    /** Every zone's resources, by zone; ACLs are derived from all descriptors together (publishing crosses zones). */
    public Map<String, List<Map<String, Object>>> of(List<ZoneDescriptor> zones) {
        return of(zones, true, true);
    }

    /** The zones' topics, users, or both. */
    public Map<String, List<Map<String, Object>>> of(List<ZoneDescriptor> zones, boolean topics, boolean users) {
        if (users) {
            requireKubernetesUserNames(zones);
        }
        List<AclBinding> bindings = ZoneAcls.desired(zones);
        Map<String, List<Map<String, Object>>> byZone = new LinkedHashMap<>();
        for (ZoneDescriptor zone : zones) {
            List<Map<String, Object>> resources = new ArrayList<>();
            for (TopicSpec topic : topics ? DesiredZone.of(zone, policy).topics() : List.<TopicSpec>of()) {
                resources.add(topic(zone.zone(), topic));
            }
            for (TopicSpec topic : topics ? platformTopics(zone.zone()) : List.<TopicSpec>of()) {
                resources.add(topic(zone.zone(), topic));
            }
            for (ZonePrincipal principal : users ? ZoneAcls.principals(List.of(zone)) : List.<ZonePrincipal>of()) {
                List<AclBinding> own = bindings.stream().filter(b -> b.entry().principal().equals(principal.principal())).toList();
                resources.add(user(principal, own));
            }
            byZone.put(zone.zone(), resources);
        }
        return byZone;
    }

    /**
     * A KafkaUser's name is its principal, and must be a Kubernetes resource name: a zone whose name
     * holds {@code _} (allowed in descriptors) has principals like {@code data_lake-producer}, which no
     * KafkaUser can carry. Refused before anything is written, naming every such zone.
     */
    private static void requireKubernetesUserNames(List<ZoneDescriptor> zones) {
        List<String> refused = zones.stream().map(ZoneDescriptor::zone).filter(zone -> zone.contains("_")).toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Zone(s) " + String.join(", ", refused) + ": a KafkaUser's name is its principal"
                    + " (<zone>-<role>) and must be a Kubernetes resource name (lowercase letters, digits, '-' and '.'), so a zone"
                    + " name with '_' cannot have KafkaUsers. Name the zone with lowercase letters and digits only (e.g. '"
                    + refused.get(0).replace("_", "") + "'), or render its topics only with --kinds topics");
        }
    }

    /**
     * The zone's batches, holds and holds audit topics: one partition (few records, whose order matters), the
     * cluster profile's replication and min.insync.replicas as every zone topic.
     */
    List<TopicSpec> platformTopics(String zone) {
        List<TopicSpec> specs = new ArrayList<>();
        for (PlatformTopics.PlatformTopic topic : PlatformTopics.of(zone)) {
            Map<String, String> configs = new LinkedHashMap<>(topic.configs());
            configs.put(StageTopicPolicy.MIN_INSYNC_REPLICAS, Integer.toString(policy.profile().minInsyncReplicas()));
            specs.add(new TopicSpec(topic.name(), 1, policy.profile().replicationFactor(), configs));
        }
        return specs;
    }

    private Map<String, Object> topic(String zone, TopicSpec topic) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("topicName", topic.name());
        spec.put("partitions", topic.partitions());
        spec.put("replicas", (int) topic.replicationFactor());
        if (!topic.configs().isEmpty()) {
            spec.put("config", new TreeMap<>(topic.configs()));
        }
        return resource("KafkaTopic", kubernetesName(topic.name()), zone, spec);
    }

    private Map<String, Object> user(ZonePrincipal principal, List<AclBinding> bindings) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("authentication", passwordSecrets ? PasswordSecretRef.authentication(principal.userName()) : Map.of("type", SCRAM));
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("type", "simple");
        authorization.put("acls", acls(bindings));
        spec.put("authorization", authorization);
        return resource("KafkaUser", principal.userName(), principal.zone(), spec);
    }

    /** Bindings of one resource and permission become one Strimzi rule with their operations. */
    private static List<Map<String, Object>> acls(List<AclBinding> bindings) {
        Map<String, List<AclBinding>> grouped = bindings.stream().collect(Collectors.groupingBy(
                b -> b.pattern().resourceType() + "|" + b.pattern().name() + "|" + b.pattern().patternType() + "|" + b.entry().permissionType(),
                TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (List<AclBinding> same : grouped.values()) {
            AclBinding first = same.get(0);
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("type", resourceType(first.pattern().resourceType()));
            if (first.pattern().resourceType() != ResourceType.CLUSTER) {
                resource.put("name", first.pattern().name());
                resource.put("patternType", first.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal");
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("resource", resource);
            if (first.entry().permissionType() == AclPermissionType.DENY) {
                rule.put("type", "deny");
            }
            rule.put("operations", same.stream().map(b -> operation(b.entry().operation())).distinct().sorted().toList());
            rules.add(rule);
        }
        return rules;
    }

    private static String resourceType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
            case CLUSTER -> "cluster";
            default -> throw new IllegalArgumentException("Strimzi has no ACL resource type for " + type);
        };
    }

    /** Kafka's READ, DESCRIBE_CONFIGS … as Strimzi writes them: Read, DescribeConfigs … */
    static String operation(AclOperation operation) {
        StringBuilder out = new StringBuilder();
        for (String word : operation.name().split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * Kubernetes names are lower case, digits, '-' and '.', and start with a letter or digit: a topic's '_' becomes '-'
     * and a platform topic's leading '_' goes ({@code _tributary.hr.batches} is {@code tributary.hr.batches});
     * spec.topicName keeps the real name. The chart's zone-topics.yaml names them the same way.
     */
    static String kubernetesName(String topic) {
        String name = topic.startsWith(PlatformTopics.PREFIX) ? topic.substring(1) : topic;
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Map<String, Object> resource(String kind, String name, String zone, Map<String, Object> spec) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("strimzi.io/cluster", cluster);
        labels.put(ZONE_LABEL, zone);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }
}
