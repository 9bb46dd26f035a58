package io.tributary.processors.app;

import java.util.Optional;

/**
 * The steward hold watcher as the health checks see it: a plain consumer of the holds topic, not a
 * Kafka Streams application, started with the ods applications once their topics exist. Its start
 * (reading the holds made so far, which is where a missing right shows) and, after that, a failure
 * that stops it following new holds are both reported.
 */
public final class HoldWatcherStatus {
    /** Where the hold watcher is. */
    public enum State {
        /** Waiting for the topics of the ods applications and the holds topic. */
        WAITING,
        /** Holds read up to date; following new ones. */
        RUNNING,
        /** Could not start, or stopped following holds (see the cause). */
        FAILED
    }

    private final String clientId;
    private final RoleIdentity identity;
    private volatile State state = State.WAITING;
    private volatile String cause;

    public HoldWatcherStatus(String zone, RoleIdentity identity) {
        this.clientId = "tributary-" + zone + "-hold-watcher";
        this.identity = identity;
    }

    /** Following holds, unless it already failed (its thread may fail before the start is recorded). */
    public synchronized void running() {
        if (state != State.FAILED) {
            state = State.RUNNING;
        }
    }

    public synchronized void failed(Throwable failure) {
        cause = ApplicationFailure.describe(failure);
        state = State.FAILED;
    }

    public ApplicationStatus status() {
        State now = state;
        return new ApplicationStatus(clientId, identity.role(), identity.principal(), now.name(), now == State.RUNNING,
                now == State.FAILED, Optional.ofNullable(cause), 0);
    }
}
