package io.tributary.security.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.model.DatasetRef;
import io.tributary.model.DatasetSpec;
import io.tributary.model.LandingFormat;
import io.tributary.model.Place;
import io.tributary.model.Publication;
import io.tributary.model.ValidationMode;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

class ZoneAclsTest {
    private static List<ZoneDescriptor> zones;
    private static List<AclBinding> acls;
    private static AclEvaluator evaluator;

    @BeforeAll
    static void derive() {
        zones = ExampleZones.load();
        acls = ZoneAcls.desired(zones);
        evaluator = new AclEvaluator(acls, Set.of());
    }

    private static boolean may(String zone, Role role, AclOperation op, ResourceType type, String name) {
        return evaluator.allows(ZonePrincipal.of(zone, role).principal(), op, type, name);
    }

    private static boolean mayTopic(String zone, Role role, AclOperation op, String topic) {
        return may(zone, role, op, ResourceType.TOPIC, topic);
    }

    @Test
    void everyPrincipalHasExactlyTheDocumentedAccessToEveryTopic() {
        List<String> mismatches = new ArrayList<>();
        for (ZonePrincipal principal : ZoneAcls.principals(zones)) {
            for (String topic : ExampleZones.allTopics(zones)) {
                Set<AclOperation> derived = EnumSet.noneOf(AclOperation.class);
                for (AclOperation op : AccessMatrix.OPERATIONS) {
                    if (evaluator.allows(principal.principal(), op, ResourceType.TOPIC, topic)) {
                        derived.add(op);
                    }
                }
                Set<AclOperation> documented = DocumentedAccess.expected(principal.principal(), topic);
                if (!derived.equals(documented)) {
                    mismatches.add(principal + " on " + topic + ": derived " + derived + ", documented " + documented);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void producersWriteOnlyTheirOwnLandingTopicsThroughAPrefix() {
        assertThat(mayTopic("finance", Role.PRODUCER, AclOperation.WRITE, "finance.landing.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.PRODUCER, AclOperation.WRITE, "finance.landing.a_dataset_added_later")).isTrue();
        assertThat(mayTopic("finance", Role.PRODUCER, AclOperation.READ, "finance.landing.expenses")).isFalse();
        assertThat(mayTopic("finance", Role.PRODUCER, AclOperation.WRITE, "finance.staging.expenses")).isFalse();
        assertThat(mayTopic("finance", Role.PRODUCER, AclOperation.WRITE, "hr.landing.departments")).isFalse();
        assertThat(acls).contains(binding("User:finance-producer", ResourceType.TOPIC, "finance.landing.", PatternType.PREFIXED,
                AclOperation.WRITE));
    }

    @Test
    void validatorReadsLandingWritesStagingAndRejectedWithItsGroupTransactionsAndBatches() {
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.READ, "finance.landing.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "finance.landing.expenses")).isFalse();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "finance.staging.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "finance.rejected.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "finance.ods.expense")).isFalse();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "_tributary.finance.batches")).isTrue();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.READ, "_tributary.finance.batches")).isTrue();
        assertThat(may("finance", Role.VALIDATOR, AclOperation.READ, ResourceType.GROUP, "tributary-finance-validator")).isTrue();
        assertThat(may("finance", Role.VALIDATOR, AclOperation.READ, ResourceType.GROUP, "tributary-hr-validator")).isFalse();
        assertThat(may("finance", Role.VALIDATOR, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID,
                "tributary-finance-validator-3f2a-0_1")).isTrue();
        assertThat(may("finance", Role.VALIDATOR, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID,
                "tributary-finance-validator-replay-expenses")).isTrue();
        assertThat(may("finance", Role.VALIDATOR, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tributary-hr-validator-1")).isFalse();
        // Kafka Streams creates its changelog and repartition topics under the application id.
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.CREATE, "tributary-finance-validator-batches-changelog")).isTrue();
    }

    @Test
    void canonicaliserReadsStagingAndReferenceWritesOdsInItsOwnApplications() {
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.READ, "finance.staging.fx_rates")).isTrue();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.READ, "finance.staging.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.READ, "finance.landing.expenses")).isFalse();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.WRITE, "finance.ods.expense")).isTrue();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.WRITE, "finance.ods.expense.mapped")).isTrue();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.WRITE, "finance.analytical.expense_facts")).isFalse();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.READ, "_tributary.finance.holds")).isTrue();
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.WRITE, "_tributary.finance.holds")).isFalse();
        assertThat(may("finance", Role.CANONICALISER, AclOperation.READ, ResourceType.GROUP, "tributary-finance-ods-map-expenses")).isTrue();
        assertThat(may("finance", Role.CANONICALISER, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID,
                "tributary-finance-ods-upsert-expense-1")).isTrue();
        assertThat(may("finance", Role.CANONICALISER, AclOperation.READ, ResourceType.GROUP, "tributary-finance-analytical-x")).isFalse();
        // finance's lookups are in its own fx_rates: hr's departments are joined by the analytical step, not looked up.
        assertThat(mayTopic("finance", Role.CANONICALISER, AclOperation.READ, "hr.staging.departments")).isFalse();
    }

    @Test
    void analyticalReadsOdsAndWhatItJoinsWritesAnalytical() {
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.READ, "finance.ods.expense")).isTrue();
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.WRITE, "finance.ods.expense")).isFalse();
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.WRITE, "finance.analytical.expense_facts")).isTrue();
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.READ, "hr.staging.departments")).isTrue();
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.READ, "hr.landing.departments")).isFalse();
        assertThat(mayTopic("finance", Role.ANALYTICAL, AclOperation.WRITE, "hr.staging.departments")).isFalse();
        assertThat(acls).contains(binding("User:finance-analytical", ResourceType.TOPIC, "hr.staging.departments", PatternType.LITERAL,
                AclOperation.READ));
        assertThat(may("finance", Role.ANALYTICAL, AclOperation.READ, ResourceType.GROUP,
                "tributary-finance-analytical-expense_facts")).isTrue();
    }

    @Test
    void connectAndAnalystsReadApprovedStagesButNeverLanding() {
        for (Role role : List.of(Role.CONNECT, Role.ANALYST)) {
            assertThat(mayTopic("finance", role, AclOperation.READ, "finance.landing.expenses")).as(role.id()).isFalse();
            assertThat(mayTopic("finance", role, AclOperation.DESCRIBE, "finance.landing.expenses")).as(role.id()).isFalse();
            assertThat(mayTopic("finance", role, AclOperation.READ, "finance.rejected.expenses")).as(role.id()).isFalse();
            assertThat(mayTopic("finance", role, AclOperation.READ, "finance.staging.expenses")).as(role.id()).isTrue();
            assertThat(mayTopic("finance", role, AclOperation.READ, "finance.analytical.expense_facts")).as(role.id()).isTrue();
            assertThat(mayTopic("finance", role, AclOperation.WRITE, "finance.staging.expenses")).as(role.id()).isFalse();
            assertThat(mayTopic("finance", role, AclOperation.READ, "hr.staging.departments")).as(role.id()).isFalse();
        }
        assertThat(may("finance", Role.CONNECT, AclOperation.READ, ResourceType.GROUP, "connect-finance-expenses-staging-s3-sink")).isTrue();
        assertThat(may("finance", Role.CONNECT, AclOperation.READ, ResourceType.GROUP, "connect-hr-departments-staging-s3-sink")).isFalse();
        assertThat(may("finance", Role.ANALYST, AclOperation.READ, ResourceType.GROUP, "tributary-finance-analyst-alice")).isTrue();
    }

    @Test
    void stewardInspectsStagingAndRejectedAndWritesHolds() {
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.READ, "finance.rejected.expenses")).isTrue();
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.READ, "finance.landing.expenses")).isFalse();
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.WRITE, "_tributary.finance.holds")).isTrue();
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.WRITE, "_tributary.finance.holds.audit")).isTrue();
        assertThat(may("finance", Role.STEWARD, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tributary-finance-steward-1234")).isTrue();
        // Each zone's steward holds its own zone's datasets only, in its own topics and transactions.
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.WRITE, "_tributary.hr.holds")).isFalse();
        assertThat(mayTopic("finance", Role.STEWARD, AclOperation.WRITE, "_tributary.hr.holds.audit")).isFalse();
        assertThat(may("finance", Role.STEWARD, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tributary-hr-steward-1234")).isFalse();
    }

    @Test
    void aZonesBatchReportsAndHoldsAreItsOwn() {
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.READ, "_tributary.hr.batches")).isFalse();
        assertThat(mayTopic("finance", Role.VALIDATOR, AclOperation.WRITE, "_tributary.hr.batches")).isFalse();
        assertThat(mayTopic("hr", Role.CANONICALISER, AclOperation.READ, "_tributary.finance.holds")).isFalse();
        assertThat(mayTopic("hr", Role.CANONICALISER, AclOperation.READ, "_tributary.hr.holds")).isTrue();
        assertThat(mayTopic("finance", Role.ANALYST, AclOperation.READ, "_tributary.finance.batches")).isFalse();
    }

    @Test
    void noZonePrincipalTouchesAnotherZonesTopicsUnlessPublished() {
        for (Role role : Role.values()) {
            for (AclOperation op : AccessMatrix.OPERATIONS) {
                assertThat(mayTopic("hr", role, op, "finance.staging.expenses")).as("hr " + role.id() + " " + op).isFalse();
                assertThat(mayTopic("hr", role, op, "finance.ods.expense")).as("hr " + role.id() + " " + op).isFalse();
                if (role != Role.ANALYTICAL) {
                    assertThat(mayTopic("finance", role, op, "hr.staging.departments")).as("finance " + role.id() + " " + op).isFalse();
                }
            }
        }
    }

    @Test
    void onlyAllowBindingsOfZonePrincipalsNeverThePlatformNorAWildcard() {
        assertThat(acls).allSatisfy(b -> {
            assertThat(b.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(ZonePrincipal.parse(b.entry().principal())).isPresent();
            assertThat(b.pattern().name()).isNotEqualTo("*");
        });
        assertThat(ZoneAcls.desired(zones)).isEqualTo(acls);
    }

    @Test
    void publishingToAnUnknownZoneIsRefused() {
        ZoneDescriptor hr = zone("hr", List.of(new Publication("departments", List.of("payroll"), new Place(12, 5, "publishes[0].to"))),
                List.of());
        assertThatThrownBy(() -> ZoneAcls.desired(List.of(hr)))
                .isInstanceOf(AclDerivationException.class)
                .hasMessageContaining("zone hr")
                .hasMessageContaining("publishes departments (line 12, publishes[0].to)")
                .hasMessageContaining("grants access to zone payroll, which is not among the descriptors [hr]");
    }

    @Test
    void publishingLandingIsRefused() {
        ZoneDescriptor hr = zone("hr", List.of(new Publication("landing.departments", List.of("finance"), Place.UNKNOWN)), List.of());
        ZoneDescriptor finance = zone("finance", List.of(), List.of());
        assertThatThrownBy(() -> ZoneAcls.desired(List.of(hr, finance)))
                .isInstanceOf(AclDerivationException.class)
                .hasMessageContaining("publishes landing.departments: landing data is never published");
    }

    @Test
    void usingAnUnknownZoneOrUnpublishedDataIsRefusedWithEveryProblem() {
        ZoneDescriptor hr = zone("hr", List.of(), List.of());
        ZoneDescriptor finance = zone("finance", List.of(), List.of(
                new ZoneDescriptor.UsedDataset(new DatasetRef("hr", "departments"), Place.UNKNOWN),
                new ZoneDescriptor.UsedDataset(new DatasetRef("treasury", "rates"), Place.UNKNOWN)));
        assertThatThrownBy(() -> ZoneAcls.desired(List.of(hr, finance)))
                .isInstanceOfSatisfying(AclDerivationException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("uses hr.departments: zone hr does not publish departments to finance")
                .hasMessageContaining("uses treasury.rates: there is no zone treasury among the descriptors");
    }

    @Test
    void theSameZoneTwiceIsRefused() {
        assertThatThrownBy(() -> ZoneAcls.desired(List.of(zone("hr", List.of(), List.of()), zone("hr", List.of(), List.of()))))
                .isInstanceOf(AclDerivationException.class)
                .hasMessageContaining("zone hr is described twice");
    }

    private static ZoneDescriptor zone(String name, List<Publication> publishes, List<ZoneDescriptor.UsedDataset> uses) {
        DatasetSpec departments = new DatasetSpec("departments", "", null, null, "code", null, LandingFormat.JSON, ValidationMode.RECORD,
                1, Map.of());
        return new ZoneDescriptor(name, "", List.of("x@example.com"), "s@example.com", List.of(departments), Path.of(name + ".yaml"),
                List.of(), publishes, uses, List.of());
    }

    static AclBinding binding(String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }
}
