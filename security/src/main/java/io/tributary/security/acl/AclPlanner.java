package io.tributary.security.acl;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;

/** Compares the ACLs the descriptors call for with those on the cluster. */
public final class AclPlanner {
    private final Admin admin;
    private final Duration timeout;

    public AclPlanner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * The plan for these zones. ACLs of any principal following the zone naming scheme
     * ({@code User:<zone>-<role>}) are managed, also of zones no longer described, so that removing
     * a zone removes its access.
     *
     * @throws AclDerivationException if the descriptors ask for access that is not granted
     */
    public AclPlan plan(List<ZoneDescriptor> zones) {
        List<AclBinding> desired = ZoneAcls.desired(zones);
        Collection<AclBinding> existing = AdminCalls.require(admin.describeAcls(AclBindingFilter.ANY).values(), timeout,
                "listing the cluster's ACLs");
        return AclPlan.between(desired, existing, AclPlanner::isManaged);
    }

    public static boolean isManaged(String principal) {
        return ZonePrincipal.parse(principal).isPresent() && principal.startsWith("User:");
    }
}
