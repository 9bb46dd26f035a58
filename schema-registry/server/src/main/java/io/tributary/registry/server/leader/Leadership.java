package io.tributary.registry.server.leader;

import java.time.Duration;
import java.util.Optional;

/**
 * Which registry instance writes to the schema topic. Exactly one instance is elected at a time;
 * the others forward writes to it. Safety does not rest on the election alone: the writer also
 * fences earlier writers in Kafka (see the store), so a deposed leader that has not noticed
 * cannot write.
 */
public interface Leadership {

    /** True while this instance is the elected writer. */
    boolean isLeader();

    /** Grows every time this instance becomes leader; the writer re-fences when it changes. */
    long term();

    /** The URL of the current leader (this instance's own when it leads), if one is known. */
    Optional<String> leaderUrl();

    /** Waits up to {@code timeout} for a leader to be known. */
    Optional<String> awaitLeader(Duration timeout) throws InterruptedException;

    /** The URL other instances reach this one at. */
    String selfUrl();

    /** A single instance that always leads: for tests and embedded use. */
    static Leadership always(String selfUrl) {
        return new Leadership() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public long term() {
                return 1;
            }

            @Override
            public Optional<String> leaderUrl() {
                return Optional.of(selfUrl);
            }

            @Override
            public Optional<String> awaitLeader(Duration timeout) {
                return leaderUrl();
            }

            @Override
            public String selfUrl() {
                return selfUrl;
            }
        };
    }
}
