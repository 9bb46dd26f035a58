package io.tributary.topics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What it takes to bring one zone's topics and schemas to what its descriptor says: the actions,
 * the zone's topics no descriptor asks for ({@link #unmanagedTopics()}, deleted only on request),
 * problems that forbid applying anything, and warnings about differences this tool does not change.
 */
public record ZonePlan(
        String zone,
        List<PlanAction> actions,
        List<String> unmanagedTopics,
        List<PlanProblem> problems,
        List<String> warnings) {

    public ZonePlan {
        actions = List.copyOf(actions);
        unmanagedTopics = List.copyOf(unmanagedTopics);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** This plan with more problems (e.g. about other zones' data), which forbid applying it. */
    public ZonePlan withProblems(List<PlanProblem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<PlanProblem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new ZonePlan(zone, actions, unmanagedTopics, all, warnings);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The actions to carry out; deletions of unmanaged topics only when asked for. */
    public List<PlanAction> actions(boolean deleteUnmanaged) {
        if (!deleteUnmanaged || unmanagedTopics.isEmpty()) {
            return actions;
        }
        List<PlanAction> all = new ArrayList<>(actions);
        unmanagedTopics.forEach(t -> all.add(new DeleteTopic(t)));
        return List.copyOf(all);
    }

    public boolean hasChanges(boolean deleteUnmanaged) {
        return !actions(deleteUnmanaged).isEmpty();
    }

    public boolean hasChanges() {
        return hasChanges(false);
    }

    /** The plan as text, unmanaged topics listed but kept. */
    public String render() {
        return render(false);
    }

    /** The plan as text, as {@code zones apply} would carry it out with or without deleting unmanaged topics. */
    public String render(boolean deleteUnmanaged) {
        StringBuilder text = new StringBuilder("Zone ").append(zone).append(":\n");
        List<PlanAction> toDo = actions(deleteUnmanaged);
        toDo.forEach(a -> text.append(a.render()).append('\n'));
        if (!deleteUnmanaged && !unmanagedTopics.isEmpty()) {
            text.append("Unmanaged topics (on the cluster, not in the descriptor; kept unless apply is asked to delete unmanaged topics):\n");
            unmanagedTopics.forEach(t -> text.append("  ? ").append(t).append('\n'));
        }
        warnings.forEach(w -> text.append("Warning: ").append(w).append('\n'));
        if (hasProblems()) {
            text.append("Errors (nothing will be applied until they are fixed):\n");
            problems.forEach(p -> text.append("  ! ").append(p).append('\n'));
        }
        text.append(toDo.isEmpty() ? "No changes." : summary(toDo));
        return text.toString();
    }

    private static String summary(List<PlanAction> toDo) {
        Map<PlanAction.Kind, Integer> counts = new EnumMap<>(PlanAction.Kind.class);
        toDo.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
        int register = counts.getOrDefault(PlanAction.Kind.REGISTER, 0);
        return "Plan: " + counts.getOrDefault(PlanAction.Kind.CREATE, 0) + " to create, "
                + counts.getOrDefault(PlanAction.Kind.ALTER, 0) + " to alter, "
                + counts.getOrDefault(PlanAction.Kind.DELETE, 0) + " to delete, "
                + register + (register == 1 ? " schema" : " schemas") + " to register.";
    }

    @Override
    public String toString() {
        return render();
    }
}
