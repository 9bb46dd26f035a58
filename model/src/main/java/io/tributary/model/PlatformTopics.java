package io.tributary.model;

import java.util.List;
import java.util.Map;

/**
 * The platform's own topics of one zone, {@code _tributary.<zone>.<kind>}: its batch catalogue
 * (arrivals and batch reports), its steward holds and their audit trail. One set per zone, so that
 * ACLs keep a zone's batch reports and holds to that zone's roles: a zone's validator cannot read or
 * forge another zone's batch reports, a zone's steward cannot hold another zone's dataset. The
 * platform creates them ({@code tributary up}, {@code zones apply}, the chart's KafkaTopics); no zone
 * role may create topics.
 */
public final class PlatformTopics {
    /** Every platform topic's prefix (DESIGN: platform topics start with {@code _tributary.}). */
    public static final String PREFIX = "_tributary.";

    private PlatformTopics() {
    }

    /** Arrival records and batch reports of the zone's datasets (keys {@code arrival:<zone>.<dataset>/<batch>}, {@code <zone>.<dataset>/<batch>}). */
    public static String batches(String zone) {
        return PREFIX + requireZone(zone) + ".batches";
    }

    /** The zone's steward holds, the latest event per dataset (compacted, key {@code <zone>.<dataset>}). */
    public static String holds(String zone) {
        return PREFIX + requireZone(zone) + ".holds";
    }

    /** Every hold and release of the zone's datasets, kept forever. */
    public static String holdsAudit(String zone) {
        return PREFIX + requireZone(zone) + ".holds.audit";
    }

    /** The transactional id prefix of the zone's steward writing holds (the hold and its audit record in one transaction). */
    public static String stewardTransactionalIdPrefix(String zone) {
        return "tributary-" + requireZone(zone) + "-steward-";
    }

    /** The zone's platform topics with their configuration (one partition each: few records, and their order matters). */
    public static List<PlatformTopic> of(String zone) {
        return List.of(
                // Not compacted: a batch key carries its arrival and then its outcome, both of which must stay.
                new PlatformTopic(batches(zone), Map.of()),
                new PlatformTopic(holds(zone), Map.of("cleanup.policy", "compact")),
                new PlatformTopic(holdsAudit(zone), Map.of("cleanup.policy", "delete", "retention.ms", "-1")));
    }

    private static String requireZone(String zone) {
        if (!Names.isValid(zone)) {
            throw new IllegalArgumentException("zone name '" + zone + "' does not match " + Names.RULE);
        }
        return zone;
    }

    /** A platform topic and the configuration it is created with (one partition, the cluster's replication). */
    public record PlatformTopic(String name, Map<String, String> configs) {
        public PlatformTopic {
            configs = Map.copyOf(configs);
        }
    }
}
