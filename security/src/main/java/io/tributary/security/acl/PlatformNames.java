package io.tributary.security.acl;

import io.tributary.model.PlatformTopics;

/**
 * Names the platform's processes use on the cluster, as the modules that run them choose them
 * (stream-processors' application ids, zone-topics' steward holds, Connect's sink groups); the
 * ACLs grant exactly these, as prefixes.
 */
public final class PlatformNames {
    /** The zone's arrival records and batch reports (its validator's and the ingress source's), {@link PlatformTopics#batches}. */
    public static String batchesTopic(String zone) {
        return PlatformTopics.batches(zone);
    }

    /** The zone's steward holds: the latest per dataset (compacted). */
    public static String holdsTopic(String zone) {
        return PlatformTopics.holds(zone);
    }

    /** Every hold and release of the zone's datasets, kept forever. */
    public static String holdsAuditTopic(String zone) {
        return PlatformTopics.holdsAudit(zone);
    }

    /** The transactional id prefix of the zone's steward writing holds (zone-topics' HoldLog). */
    public static String stewardTransactionalPrefix(String zone) {
        return PlatformTopics.stewardTransactionalIdPrefix(zone);
    }

    private PlatformNames() {
    }

    /**
     * The validator's Kafka Streams application id, which prefixes its consumer group, its
     * transactional ids ({@code <id>-<process>-<task>}, and {@code <id>-replay-<dataset>} of replays)
     * and its internal topics.
     */
    public static String validatorApplication(String zone) {
        return "tributary-" + zone + "-validator";
    }

    /** Prefix of the ods mapping and upsert applications' ids ({@code tributary-<zone>-ods-map-<dataset>}, {@code -ods-upsert-<entity>}). */
    public static String canonicaliserApplicationPrefix(String zone) {
        return "tributary-" + zone + "-ods-";
    }

    /** Prefix of the analytical applications' ids ({@code tributary-<zone>-analytical-<name>}). */
    public static String analyticalApplicationPrefix(String zone) {
        return "tributary-" + zone + "-analytical-";
    }

    /** Connect names a sink's consumer group {@code connect-<connector>}; a zone's connectors are named {@code <zone>-…}. */
    public static String connectGroupPrefix(String zone) {
        return "connect-" + zone + "-";
    }

    /** Consumer groups analysts of a zone may use. */
    public static String analystGroupPrefix(String zone) {
        return "tributary-" + zone + "-analyst-";
    }
}
