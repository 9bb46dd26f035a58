package io.tributary.security.acl;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Answers "may this principal do this on that resource" from a set of bindings, as Kafka's
 * authorizer does for ALLOW and DENY bindings: literal, prefixed and wildcard patterns; ALL
 * covers every operation; READ, WRITE, DELETE and ALTER imply DESCRIBE; a DENY wins.
 * Super users may do everything.
 */
public final class AclEvaluator {
    private static final Set<AclOperation> IMPLY_DESCRIBE = Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE,
            AclOperation.ALTER);

    private final List<AclBinding> bindings;
    private final Set<String> superUsers;

    public AclEvaluator(Collection<AclBinding> bindings, Set<String> superUsers) {
        this.bindings = List.copyOf(bindings);
        this.superUsers = Set.copyOf(superUsers);
    }

    public boolean allows(String principal, AclOperation operation, ResourceType type, String name) {
        if (superUsers.contains(principal)) {
            return true;
        }
        boolean denied = bindings.stream().anyMatch(b -> b.entry().permissionType() == AclPermissionType.DENY
                && applies(b, principal, type, name) && covers(b.entry().operation(), operation, false));
        if (denied) {
            return false;
        }
        return bindings.stream().anyMatch(b -> b.entry().permissionType() == AclPermissionType.ALLOW
                && applies(b, principal, type, name) && covers(b.entry().operation(), operation, true));
    }

    private static boolean applies(AclBinding binding, String principal, ResourceType type, String name) {
        String who = binding.entry().principal();
        return (who.equals(principal) || who.equals("User:*")) && matches(binding.pattern(), type, name);
    }

    private static boolean matches(ResourcePattern pattern, ResourceType type, String name) {
        if (pattern.resourceType() != type) {
            return false;
        }
        if (pattern.patternType() == PatternType.PREFIXED) {
            return name.startsWith(pattern.name());
        }
        return pattern.name().equals(ResourcePattern.WILDCARD_RESOURCE) || pattern.name().equals(name);
    }

    private static boolean covers(AclOperation granted, AclOperation wanted, boolean allow) {
        if (granted == AclOperation.ALL || granted == wanted) {
            return true;
        }
        // Only an ALLOW of READ/WRITE/DELETE/ALTER lets a principal describe.
        return allow && wanted == AclOperation.DESCRIBE && IMPLY_DESCRIBE.contains(granted);
    }
}
