package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.model.Stage;

/**
 * Writes a {@link CloudGrant} as Lake Formation permissions, using two LF-tags on every zone
 * database: {@value #ZONE_TAG} (the zone) and {@value #STAGE_TAG} (the stage). A role's own
 * zone is granted by tag expression, so new tables are covered as soon as they exist; a dataset
 * published by another zone is granted by name, so nothing else of that zone is.
 */
public final class LakeFormationGrants {
    public static final String ZONE_TAG = "tributary_zone";
    public static final String STAGE_TAG = "tributary_stage";
    static final List<String> READ_TABLE = List.of("SELECT", "DESCRIBE");
    static final List<String> READ_DATABASE = List.of("DESCRIBE");
    static final List<String> WRITE_TABLE = List.of("SELECT", "INSERT", "ALTER", "DESCRIBE");
    static final List<String> WRITE_DATABASE = List.of("CREATE_TABLE", "DESCRIBE");

    private LakeFormationGrants() {
    }

    public static List<LakeFormationGrant> of(CloudGrant grant) {
        List<LakeFormationGrant> grants = new ArrayList<>();
        addTagGrants(grant, grant.reads(), READ_DATABASE, READ_TABLE, grants);
        addTagGrants(grant, grant.writes(), WRITE_DATABASE, WRITE_TABLE, grants);
        for (LakeLocation location : grant.reads()) {
            if (!location.wholeStage()) {
                grants.add(LakeFormationGrant.onTable(grant.roleName(), location.database(), location.dataset(), READ_TABLE));
            }
        }
        return grants;
    }

    /** The platform maintains every zone's catalog. */
    public static List<LakeFormationGrant> platform(List<String> zones) {
        Map<String, List<String>> tags = tags(zones, CatalogStages.STAGES);
        return List.of(
                LakeFormationGrant.byTags(PlatformAccess.roleName(), LakeFormationGrant.ResourceType.DATABASE, tags,
                        List.of("CREATE_TABLE", "ALTER", "DESCRIBE")),
                LakeFormationGrant.byTags(PlatformAccess.roleName(), LakeFormationGrant.ResourceType.TABLE, tags,
                        List.of("SELECT", "INSERT", "DELETE", "ALTER", "DROP", "DESCRIBE")));
    }

    private static void addTagGrants(CloudGrant grant, List<LakeLocation> locations, List<String> database, List<String> table,
            List<LakeFormationGrant> grants) {
        // Whole stages are always of the grant's own zone; one expression covers them.
        List<Stage> stages = locations.stream().filter(LakeLocation::wholeStage).map(LakeLocation::stage).distinct().toList();
        if (stages.isEmpty()) {
            return;
        }
        Map<String, List<String>> tags = tags(List.of(grant.zone()), stages);
        grants.add(LakeFormationGrant.byTags(grant.roleName(), LakeFormationGrant.ResourceType.DATABASE, tags, database));
        grants.add(LakeFormationGrant.byTags(grant.roleName(), LakeFormationGrant.ResourceType.TABLE, tags, table));
    }

    private static Map<String, List<String>> tags(List<String> zones, List<Stage> stages) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put(ZONE_TAG, List.copyOf(zones));
        tags.put(STAGE_TAG, stages.stream().map(Stage::id).toList());
        return tags;
    }
}
