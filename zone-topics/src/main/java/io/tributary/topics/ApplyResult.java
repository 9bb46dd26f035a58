package io.tributary.topics;

import java.util.List;

/** What an apply did to one zone, in order. */
public record ApplyResult(String zone, List<AppliedAction> applied) {

    public ApplyResult {
        applied = List.copyOf(applied);
    }

    public boolean changedAnything() {
        return applied.stream().anyMatch(a -> a.outcome() == AppliedAction.Outcome.DONE);
    }

    public String render() {
        StringBuilder text = new StringBuilder("Zone ").append(zone).append(":\n");
        if (applied.isEmpty()) {
            return text.append("No changes.").toString();
        }
        applied.forEach(a -> text.append(a.render()).append('\n'));
        return text.append("Apply complete: ").append(count(PlanAction.Kind.CREATE)).append(" created, ")
                .append(count(PlanAction.Kind.ALTER)).append(" altered, ")
                .append(count(PlanAction.Kind.DELETE)).append(" deleted, ")
                .append(count(PlanAction.Kind.REGISTER)).append(" schema(s) registered.")
                .toString();
    }

    private long count(PlanAction.Kind kind) {
        return applied.stream().filter(a -> a.action().kind() == kind && a.outcome() == AppliedAction.Outcome.DONE).count();
    }

    @Override
    public String toString() {
        return render();
    }
}
