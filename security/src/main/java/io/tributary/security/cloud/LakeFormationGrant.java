package io.tributary.security.cloud;

import java.util.List;
import java.util.Map;

/**
 * One Lake Formation permission of one role: either on every database or table whose LF-tags
 * match ({@code tags}: tag key → allowed values), or on one named table (a dataset another zone
 * publishes, which the consumer may read without seeing the rest of that zone).
 */
public record LakeFormationGrant(String roleName, ResourceType resourceType, Map<String, List<String>> tags, String database, String table,
        List<String> permissions) {

    public enum ResourceType { DATABASE, TABLE }

    public LakeFormationGrant {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        permissions = List.copyOf(permissions);
    }

    public static LakeFormationGrant byTags(String roleName, ResourceType type, Map<String, List<String>> tags, List<String> permissions) {
        return new LakeFormationGrant(roleName, type, tags, null, null, permissions);
    }

    public static LakeFormationGrant onTable(String roleName, String database, String table, List<String> permissions) {
        return new LakeFormationGrant(roleName, ResourceType.TABLE, Map.of(), database, table, permissions);
    }

    public boolean byTags() {
        return table == null;
    }
}
