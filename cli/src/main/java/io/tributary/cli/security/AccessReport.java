package io.tributary.cli.security;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AccessMatrix;
import io.tributary.security.acl.TextTable;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.cloud.CloudGrant;
import io.tributary.security.cloud.CloudSettings;
import io.tributary.security.cloud.LakeLayout;
import io.tributary.security.cloud.LakeLocation;
import io.tributary.security.cloud.PublishedData;
import io.tributary.security.cloud.ZoneCloudAccess;
import io.tributary.security.registry.RegistryGrants;

/**
 * Who may do what with one zone's data, everywhere it lives: Kafka topics (from the ACLs the
 * descriptors give), registry subjects (the registry users file's grants), and S3 prefixes with
 * their Glue tables and Athena (the cloud policies). One source, the descriptors, for all three.
 */
public final class AccessReport {
    private AccessReport() {
    }

    public static String render(String zone, List<ZoneDescriptor> zones, CloudSettings cloud) {
        ZoneDescriptor descriptor = zones.stream().filter(z -> z.zone().equals(zone)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no zone '" + zone + "' (zones: "
                        + zones.stream().map(ZoneDescriptor::zone).toList() + ")"));
        PublishedData published = PublishedData.of(zones);
        StringBuilder out = new StringBuilder();
        out.append("== Kafka topics ==\n").append(AccessMatrix.forZone(zone, zones, ZoneAcls.desired(zones)).render()).append("\n\n");

        List<List<String>> subjects = new ArrayList<>();
        subjects.add(List.of("principal", "registry grants (subjects)"));
        for (Role role : Role.values()) {
            subjects.add(List.of(ZonePrincipal.of(zone, role).userName(), String.join(", ", RegistryGrants.of(descriptor, role, published))));
        }
        out.append("== Schema registry ==\n").append(TextTable.render(subjects)).append("\n\n");

        LakeLayout layout = new LakeLayout(cloud);
        List<List<String>> lake = new ArrayList<>();
        lake.add(List.of("principal", "reads (S3 prefix, Glue database)", "writes (S3 prefix)", "Athena workgroup"));
        for (Role role : ZoneCloudAccess.cloudRoles()) {
            ZoneCloudAccess.grant(descriptor, role, published).ifPresent(grant -> lake.add(List.of(grant.roleName(),
                    locations(grant.reads(), layout, true), locations(grant.writes(), layout, false),
                    grant.queries() ? LakeLayout.workgroup(zone) : "-")));
        }
        out.append("== Lake (s3://").append(cloud.lakeBucket()).append(") and catalog ==\n").append(TextTable.render(lake)).append('\n')
                .append("Landing (").append(layout.rawLandingPrefix()).append(") is readable by the platform alone.");
        return out.toString();
    }

    private static String locations(List<LakeLocation> locations, LakeLayout layout, boolean withDatabase) {
        if (locations.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (LakeLocation l : locations) {
            parts.add(l.prefix(layout) + (withDatabase ? " (" + l.database() + ")" : ""));
        }
        return String.join(", ", parts);
    }
}
