package io.tributary.topics;

/** Something the descriptor asks for that cannot be applied; a plan with one is not applied at all. */
public record PlanProblem(String target, String message) {

    @Override
    public String toString() {
        return target + ": " + message;
    }
}
