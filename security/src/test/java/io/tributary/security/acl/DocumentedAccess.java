package io.tributary.security.acl;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AclOperation;

import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

/**
 * The access matrix as docs/security.md states it, written out independently of {@link ZoneAcls}
 * for the example zones (examples/zones: finance uses hr.departments in a join), so that
 * tests compare the derived ACLs and the real broker's answers against the documentation.
 */
public final class DocumentedAccess {
    private static final AclOperation R = AclOperation.READ;
    private static final AclOperation W = AclOperation.WRITE;

    /** Cross-zone reads of the examples: principal → the other zone's topic it reads. */
    static final Map<String, String> CROSS_ZONE_READS = Map.of("User:finance-analytical", "hr.staging.departments");

    private DocumentedAccess() {
    }

    /** The operations (of READ, WRITE, DESCRIBE) {@code principal} may do on {@code topic}. */
    public static Set<AclOperation> expected(String principal, String topic) {
        if (principal.equals(ZonePrincipal.platformPrincipal())) {
            return EnumSet.of(R, W, AclOperation.DESCRIBE);
        }
        ZonePrincipal who = ZonePrincipal.parse(principal).orElseThrow();
        Set<AclOperation> ops = topic.startsWith("_tributary.") ? platformTopic(who, topic) : zoneTopic(who, topic);
        if (topic.equals(CROSS_ZONE_READS.get(principal))) {
            ops.add(R);
        }
        if (!ops.isEmpty()) {
            ops.add(AclOperation.DESCRIBE);
        }
        return ops;
    }

    /** {@code _tributary.<zone>.<kind>}: each zone's own batch catalogue and holds, for its own roles only. */
    private static Set<AclOperation> platformTopic(ZonePrincipal who, String topic) {
        String rest = topic.substring("_tributary.".length());
        int dot = rest.indexOf('.');
        if (dot < 0 || !rest.substring(0, dot).equals(who.zone())) {
            return none();
        }
        Role role = who.role();
        return switch (rest.substring(dot + 1)) {
            case "batches" -> role == Role.VALIDATOR ? EnumSet.of(R, W) : none();
            case "holds" -> role == Role.STEWARD ? EnumSet.of(R, W) : role == Role.CANONICALISER ? EnumSet.of(R) : none();
            case "holds.audit" -> role == Role.STEWARD ? EnumSet.of(W) : none();
            default -> none();
        };
    }

    private static Set<AclOperation> zoneTopic(ZonePrincipal who, String topic) {
        String[] parts = topic.split("\\.");
        if (!parts[0].equals(who.zone())) {
            return none();
        }
        Stage stage = Stage.fromId(parts[1]).orElseThrow();
        return switch (who.role()) {
            case PRODUCER -> stage == Stage.LANDING ? EnumSet.of(W) : none();
            case VALIDATOR -> stage == Stage.LANDING ? EnumSet.of(R) : stage == Stage.STAGING ? EnumSet.of(R, W)
                    : stage == Stage.REJECTED ? EnumSet.of(W) : none();
            case CANONICALISER -> stage == Stage.STAGING ? EnumSet.of(R) : stage == Stage.REJECTED ? EnumSet.of(W)
                    : stage == Stage.ODS ? EnumSet.of(R, W) : none();
            case ANALYTICAL -> stage == Stage.ODS ? EnumSet.of(R) : stage == Stage.ANALYTICAL ? EnumSet.of(W) : none();
            case CONNECT, ANALYST -> stage == Stage.STAGING || stage == Stage.ODS || stage == Stage.ANALYTICAL ? EnumSet.of(R) : none();
            case STEWARD -> stage == Stage.STAGING || stage == Stage.REJECTED || stage == Stage.ODS ? EnumSet.of(R) : none();
        };
    }

    private static Set<AclOperation> none() {
        return EnumSet.noneOf(AclOperation.class);
    }

    public static String stageOf(String topic) {
        return topic.startsWith("_tributary.") ? "platform" : TopicName.parse(topic.replace(".mapped", "")).stage().id();
    }
}
