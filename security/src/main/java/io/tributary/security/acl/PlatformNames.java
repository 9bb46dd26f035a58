package io.tributary.security.acl;

/**
 * Names the platform's processes use on the cluster, as the modules that run them choose them
 * (stream-processors' application ids, zone-topics' steward holds, Connect's sink groups); the
 * ACLs grant exactly these, as prefixes.
 */
public final class PlatformNames {
    /** Batch reports of validators and the ingress source (shared by every zone, keyed by batch). */
    public static final String BATCHES_TOPIC = "_tributary.batches";
    /** Steward holds: the latest per dataset (compacted). */
    public static final String HOLDS_TOPIC = "_tributary.holds";
    /** Every hold and release, kept forever. */
    public static final String HOLDS_AUDIT_TOPIC = "_tributary.holds.audit";
    /** The transactional id prefix of the steward's hold log (zone-topics' HoldLog). */
    public static final String STEWARD_TRANSACTIONAL_PREFIX = "tributary-steward-";

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
