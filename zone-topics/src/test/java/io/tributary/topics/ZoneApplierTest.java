package io.tributary.topics;

import static io.tributary.topics.Descriptors.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The applier's rules that need no cluster; applying against a real broker is in {@link ZoneTopicsIT}. */
class ZoneApplierTest {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    // No Admin client at all: a plan with problems must be refused before anything is called.
    private final ZoneApplier applier = new ZoneApplier(null, registry, Duration.ofSeconds(1));

    @Test
    void planWithAProblemAppliesNothing() {
        ZonePlan plan = new ZonePlan("finance",
                List.of(new RegisterSchema("finance.staging.expenses-value", schema("expenses", false), OptionalInt.empty())),
                List.of(), List.of(new PlanProblem("finance.landing.expenses", "has 3 partitions but the descriptor asks for 2")),
                List.of());

        assertThatThrownBy(() -> applier.apply(plan, false))
                .isInstanceOf(PlanNotApplicableException.class)
                .hasMessageContaining("Zone finance: nothing applied")
                .hasMessageContaining("finance.landing.expenses: has 3 partitions");
        assertThat(registry.registerCalls).isZero();
    }

    @Test
    void oneZoneWithAProblemStopsEveryZone() {
        ZonePlan fine = new ZonePlan("audit",
                List.of(new RegisterSchema("audit.staging.logins-value", schema("logins", false), OptionalInt.empty())),
                List.of(), List.of(), List.of());
        ZonePlan broken = new ZonePlan("finance", List.of(), List.of(),
                List.of(new PlanProblem("zone finance", "replication factor 3 but the cluster has only 1 broker(s)")), List.of());

        assertThatThrownBy(() -> applier.apply(List.of(fine, broken), false)).isInstanceOf(PlanNotApplicableException.class);
        assertThat(registry.registerCalls).isZero();
    }

    @Test
    void registersSchemasAndReportsTheirIds() {
        ZonePlan plan = new ZonePlan("audit",
                List.of(new RegisterSchema("audit.staging.logins-value", schema("logins", false), OptionalInt.empty())),
                List.of(), List.of(), List.of());

        ApplyResult result = applier.apply(plan, false);

        assertThat(registry.latest("audit.staging.logins-value")).isPresent();
        assertThat(result.changedAnything()).isTrue();
        assertThat(result.render()).isEqualTo("""
                Zone audit:
                + registered schema audit.staging.logins-value (id 1)
                Apply complete: 0 created, 0 altered, 0 deleted, 1 schema(s) registered.""");
    }

    @Test
    void emptyPlanReportsNoChanges() {
        ApplyResult result = applier.apply(new ZonePlan("audit", List.of(), List.of(), List.of(), List.of()), true);

        assertThat(result.changedAnything()).isFalse();
        assertThat(result.render()).isEqualTo("Zone audit:\nNo changes.");
    }
}
