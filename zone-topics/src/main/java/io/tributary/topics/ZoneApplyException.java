package io.tributary.topics;


/**
 * An action of a plan failed part-way through an apply. {@link #done()} lists what was changed
 * before it; planning again shows what is left, as every action is safe to repeat.
 */
public class ZoneApplyException extends ZoneTopicsException {
    private final transient ApplyResult done;
    private final transient PlanAction failed;

    public ZoneApplyException(ApplyResult done, PlanAction failed, Exception cause) {
        super("Zone " + done.zone() + ": failed to apply \"" + failed.render().lines().findFirst().orElse("") + "\": "
                + cause.getMessage() + " (" + done.applied().size() + " action(s) done before; plan again to see what is left)", cause);
        this.done = done;
        this.failed = failed;
    }

    public ApplyResult done() {
        return done;
    }

    public PlanAction failed() {
        return failed;
    }
}
