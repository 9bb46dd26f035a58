package io.tributary.security.acl;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an {@link AclPlan}: creates first, then deletes, so that a principal whose ACL is
 * replaced is never left without access in between. Both calls are idempotent in Kafka, so a
 * stale plan applied twice changes nothing the second time.
 */
public final class AclApplier {
    private static final Logger LOG = LoggerFactory.getLogger(AclApplier.class);

    private final Admin admin;
    private final Duration timeout;

    public AclApplier(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public void apply(AclPlan plan) {
        if (!plan.toCreate().isEmpty()) {
            AdminCalls.require(admin.createAcls(plan.toCreate()).all(), timeout, "creating " + plan.toCreate().size() + " ACLs");
            plan.toCreate().forEach(b -> LOG.info("Created ACL: {}", AclText.of(b)));
        }
        if (!plan.toDelete().isEmpty()) {
            List<AclBindingFilter> filters = plan.toDelete().stream().map(AclBinding::toFilter).toList();
            AdminCalls.require(admin.deleteAcls(filters).all(), timeout, "deleting " + filters.size() + " ACLs");
            plan.toDelete().forEach(b -> LOG.info("Deleted ACL: {}", AclText.of(b)));
        }
        awaitVisible(plan);
        LOG.info("ACLs applied: {} created, {} deleted, {} unchanged", plan.toCreate().size(), plan.toDelete().size(), plan.unchanged());
    }

    /** Returns once the broker answering describes the plan's result, so that clients started next see it. */
    private void awaitVisible(AclPlan plan) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<AclBinding> now = new HashSet<>(
                    AdminCalls.require(admin.describeAcls(AclBindingFilter.ANY).values(), timeout, "listing the cluster's ACLs"));
            if (now.containsAll(plan.toCreate()) && plan.toDelete().stream().noneMatch(now::contains)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AclApplyException("The broker did not show the applied ACLs within " + timeout.toSeconds() + " s", null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AclApplyException("Interrupted while waiting for the applied ACLs", e);
            }
        }
    }
}
