package io.tributary.security.acl;

import static io.tributary.security.acl.ZoneAclsTest.binding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclPlanTest {
    private static final AclBinding PRODUCER_WRITES_LANDING = binding("User:finance-producer", ResourceType.TOPIC, "finance.landing.",
            PatternType.PREFIXED, AclOperation.WRITE);
    private static final AclBinding ANALYST_READS_STAGING = binding("User:finance-analyst", ResourceType.TOPIC, "finance.staging.",
            PatternType.PREFIXED, AclOperation.READ);
    private static final AclBinding ANALYST_READS_LANDING = binding("User:finance-analyst", ResourceType.TOPIC, "finance.landing.",
            PatternType.PREFIXED, AclOperation.READ);
    private static final AclBinding REMOVED_ZONE = binding("User:oldzone-producer", ResourceType.TOPIC, "oldzone.landing.",
            PatternType.PREFIXED, AclOperation.WRITE);
    private static final AclBinding SOMEONE_ELSES = binding("User:alice", ResourceType.TOPIC, "finance.landing.",
            PatternType.PREFIXED, AclOperation.READ);

    @Test
    void createsWhatIsMissingDeletesOnlyStaleAclsOfManagedPrincipals() {
        AclPlan plan = AclPlan.between(List.of(PRODUCER_WRITES_LANDING, ANALYST_READS_STAGING),
                List.of(ANALYST_READS_STAGING, ANALYST_READS_LANDING, REMOVED_ZONE, SOMEONE_ELSES), AclPlanner::isManaged);

        assertThat(plan.toCreate()).containsExactly(PRODUCER_WRITES_LANDING);
        assertThat(plan.toDelete()).containsExactly(ANALYST_READS_LANDING, REMOVED_ZONE);
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.hasChanges()).isTrue();
    }

    @Test
    void rendersLikeTheTopicPlan() {
        AclPlan plan = AclPlan.between(List.of(PRODUCER_WRITES_LANDING, ANALYST_READS_STAGING),
                List.of(ANALYST_READS_STAGING, ANALYST_READS_LANDING), AclPlanner::isManaged);

        assertThat(plan.render()).isEqualTo("""
                ACLs:
                + allow User:finance-producer WRITE topic finance.landing.*
                - allow User:finance-analyst READ topic finance.landing.*
                Plan: 1 ACLs to create, 1 to delete, 1 unchanged.""");
    }

    @Test
    void nothingToDoWhenTheClusterMatches() {
        AclPlan plan = AclPlan.between(List.of(PRODUCER_WRITES_LANDING), List.of(PRODUCER_WRITES_LANDING, SOMEONE_ELSES),
                AclPlanner::isManaged);

        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.render()).endsWith("No changes (1 ACLs as desired).");
    }

    @Test
    void managedPrincipalsFollowTheNamingScheme() {
        assertThat(AclPlanner.isManaged("User:finance-producer")).isTrue();
        assertThat(AclPlanner.isManaged("User:payroll_eu-steward")).isTrue();
        assertThat(AclPlanner.isManaged("User:alice")).isFalse();
        assertThat(AclPlanner.isManaged("User:tributary-platform")).isFalse();
        assertThat(AclPlanner.isManaged("User:Finance-producer")).isFalse();
        assertThat(AclPlanner.isManaged("Group:finance-producer")).isFalse();
    }
}
