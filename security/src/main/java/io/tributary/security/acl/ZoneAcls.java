package io.tributary.security.acl;

import java.util.Arrays;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AclBinding;

import io.tributary.model.DatasetRef;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

/**
 * The ACLs the zone descriptors call for: each role of each zone may do what its step needs on
 * its own zone's topics, groups and transactional ids, and read another zone's data only where
 * that zone publishes it and this zone uses it. The platform's own user is a super user and gets
 * no ACLs. Pure: the same descriptors always give the same bindings, in the same order.
 *
 * <pre>
 * role           landing  staging  rejected  ods  analytical  platform topics / groups / transactional ids
 * producer       W        -        -         -    -
 * validator      R        RW       W         -    -           _tributary.Z.batches RW; tributary-Z-validator* (group, txn, internal topics)
 * canonicaliser  -        R        W         RW   -           _tributary.Z.holds R; tributary-Z-ods-*; published data it looks up R
 * analytical     -        (R joined reference data)  R  W    tributary-Z-analytical-*; published data it joins R
 * connect        -        R        -         R    R           groups connect-Z-*
 * analyst        -        R        -         R    R           groups tributary-Z-analyst-*
 * steward        -        R        R         R    -           _tributary.Z.holds RW, _tributary.Z.holds.audit W, txn tributary-Z-steward-*
 * </pre>
 */
public final class ZoneAcls {
    private ZoneAcls() {
    }

    /**
     * Every ALLOW binding the zones need (prefixed patterns for a zone's stages and applications,
     * literal ones for single topics of other zones and platform topics).
     *
     * @throws AclDerivationException listing every problem if a descriptor grants access to an unknown zone,
     *                                publishes landing, or reads data not published to it: then no ACL at all
     */
    public static List<AclBinding> desired(List<ZoneDescriptor> zones) {
        Map<String, ZoneDescriptor> byName = AclInputCheck.byName(zones);
        AclGrants grants = new AclGrants();
        for (ZoneDescriptor zone : zones) {
            grantZone(grants, zone, byName);
        }
        return grants.bindings();
    }

    private static void grantZone(AclGrants grants, ZoneDescriptor descriptor, Map<String, ZoneDescriptor> zones) {
        String zone = descriptor.zone();
        String landing = ZoneTopicList.stagePrefix(zone, Stage.LANDING);
        String staging = ZoneTopicList.stagePrefix(zone, Stage.STAGING);
        String rejected = ZoneTopicList.stagePrefix(zone, Stage.REJECTED);
        String ods = ZoneTopicList.stagePrefix(zone, Stage.ODS);
        String analytical = ZoneTopicList.stagePrefix(zone, Stage.ANALYTICAL);

        grants.grant(ZonePrincipal.of(zone, Role.PRODUCER)).writeTopics(landing);

        String validator = PlatformNames.validatorApplication(zone);
        grants.grant(ZonePrincipal.of(zone, Role.VALIDATOR))
                // Staging is read too: a replay skips the landing records already staged (StagedOffsets).
                .readTopics(landing).readTopics(staging).writeTopics(staging).writeTopics(rejected)
                .readTopic(PlatformNames.batchesTopic(zone)).writeTopic(PlatformNames.batchesTopic(zone))
                .groups(validator).transactionalIds(validator).ownTopics(validator);

        String canonicaliser = PlatformNames.canonicaliserApplicationPrefix(zone);
        AclGrants.For canon = grants.grant(ZonePrincipal.of(zone, Role.CANONICALISER))
                // Records its mappings cannot map go to the dataset's rejected topic, like the validator's.
                .readTopics(staging).writeTopics(rejected).readTopics(ods).writeTopics(ods)
                .readTopic(PlatformNames.holdsTopic(zone))
                .groups(canonicaliser).transactionalIds(canonicaliser).ownTopics(canonicaliser);
        foreign(ZoneReads.lookups(descriptor), zone).forEach(ref -> canon.readTopic(ZoneReads.topicOf(ref, zones)));

        String analyticalApps = PlatformNames.analyticalApplicationPrefix(zone);
        AclGrants.For facts = grants.grant(ZonePrincipal.of(zone, Role.ANALYTICAL)).readTopics(ods).writeTopics(analytical);
        // Joins read their other side whole (a global table): an entity is under ods already, reference data is in staging.
        ZoneReads.topicsOf(ZoneReads.joins(descriptor), zones).stream()
                .filter(topic -> !topic.startsWith(ods))
                .forEach(facts::readTopic);
        facts.groups(analyticalApps).transactionalIds(analyticalApps).ownTopics(analyticalApps);

        // Landing is archived by the platform's own Connect worker; a zone's sinks read approved stages only.
        grants.grant(ZonePrincipal.of(zone, Role.CONNECT))
                .readTopics(staging).readTopics(ods).readTopics(analytical)
                .groups(PlatformNames.connectGroupPrefix(zone));

        grants.grant(ZonePrincipal.of(zone, Role.ANALYST))
                .readTopics(staging).readTopics(ods).readTopics(analytical)
                .groups(PlatformNames.analystGroupPrefix(zone));

        grants.grant(ZonePrincipal.of(zone, Role.STEWARD))
                .readTopics(staging).readTopics(rejected).readTopics(ods)
                .readTopic(PlatformNames.holdsTopic(zone)).writeTopic(PlatformNames.holdsTopic(zone))
                .writeTopic(PlatformNames.holdsAuditTopic(zone))
                .transactionalIds(PlatformNames.stewardTransactionalPrefix(zone));
    }

    private static List<DatasetRef> foreign(Set<DatasetRef> refs, String zone) {
        return refs.stream().filter(r -> !r.isIn(zone)).toList();
    }

    /** Every principal the ACLs of these zones name, in zone and role order. */
    public static List<ZonePrincipal> principals(List<ZoneDescriptor> zones) {
        return zones.stream()
                .flatMap(z -> Arrays.stream(Role.values()).map(r -> ZonePrincipal.of(z.zone(), r)))
                .toList();
    }
}
