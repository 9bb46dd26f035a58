package io.tributary.topics;

import java.util.stream.Collectors;

/** A plan with problems was given to apply; nothing was changed. */
public class PlanNotApplicableException extends ZoneTopicsException {
    private final transient ZonePlan plan;

    public PlanNotApplicableException(ZonePlan plan) {
        super("Zone " + plan.zone() + ": nothing applied, the plan has " + plan.problems().size() + " problem(s):\n"
                + plan.problems().stream().map(p -> "  ! " + p).collect(Collectors.joining("\n")));
        this.plan = plan;
    }

    public ZonePlan plan() {
        return plan;
    }
}
