package io.tributary.topics;

/** One action of a plan and what came of it. */
public record AppliedAction(PlanAction action, Outcome outcome, String detail) {

    public enum Outcome {
        /** This apply made the change. */
        DONE,
        /** Someone else made it between plan and apply (a race): nothing left to do. */
        ALREADY_DONE
    }

    public String render() {
        String verb = action.doneVerb();
        String mark = outcome == Outcome.ALREADY_DONE ? "=" : action.render().substring(0, 1);
        return mark + " " + verb + " " + action.target() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
