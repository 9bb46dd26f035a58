package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

/**
 * Which roles of a zone touch the cloud, and how, following the Kafka access matrix
 * (docs/security.md). Only three do: the zone's Connect sinks write its approved stages (staging,
 * ods, analytical), its analysts read them and what other zones publish to it, its steward reads
 * staging, rejected and ods. Producers and the stream processors work on Kafka alone and get no
 * cloud role. Landing's raw archive and the rejected folder are written by the platform's own
 * sinks, and landing is read by the platform alone ({@link PlatformAccess}).
 */
public final class ZoneCloudAccess {
    /** The stages a zone's own sinks write and its people read: approved data. */
    static final List<Stage> APPROVED = List.of(Stage.STAGING, Stage.ODS, Stage.ANALYTICAL);
    /** The steward inspects what was approved and what was rejected, up to ods (as on Kafka). */
    static final List<Stage> STEWARD_READS = List.of(Stage.STAGING, Stage.REJECTED, Stage.ODS);

    private ZoneCloudAccess() {
    }

    /** The roles of a zone that get a cloud role and policy. */
    public static List<Role> cloudRoles() {
        return List.of(Role.CONNECT, Role.ANALYST, Role.STEWARD);
    }

    public static Optional<CloudGrant> grant(ZoneDescriptor zone, Role role, PublishedData published) {
        String name = ZonePrincipal.of(zone.zone(), role).userName();
        switch (role) {
            case CONNECT: {
                return Optional.of(new CloudGrant(name, zone.zone(), List.of(), stages(zone.zone(), APPROVED), false));
            }
            case ANALYST: {
                List<LakeLocation> reads = new ArrayList<>(stages(zone.zone(), APPROVED));
                published.publishedTo(zone.zone()).forEach(item -> reads.add(new LakeLocation(item.zone(), item.stage(), item.name())));
                return Optional.of(new CloudGrant(name, zone.zone(), reads, List.of(), true));
            }
            case STEWARD: {
                return Optional.of(new CloudGrant(name, zone.zone(), stages(zone.zone(), STEWARD_READS), List.of(), true));
            }
            default:
                return Optional.empty();
        }
    }

    private static List<LakeLocation> stages(String zone, List<Stage> stages) {
        return stages.stream().map(s -> LakeLocation.stage(zone, s)).toList();
    }
}
