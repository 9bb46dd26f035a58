package io.tributary.cli.harness;

import java.time.Duration;
import java.util.List;

/** The result of a chaos run: the interruptions made and what the delivery check found. */
public record ChaosOutcome(ChaosSettings settings, List<Interruption> interruptions, DeliveryReport delivery, Duration elapsed,
                           String loadFailure) {

    /** One component stopped at {@code atMillis} after the load started, and how long it took to be healthy again. */
    public record Interruption(String component, String how, long atMillis, long restartMillis) {
    }

    public ChaosOutcome {
        interruptions = List.copyOf(interruptions);
    }

    public long kills() {
        return interruptions.stream().filter(i -> i.how().equals("SIGKILL")).count();
    }

    public boolean ok() {
        return loadFailure == null && delivery.ok();
    }

    public String summary() {
        return String.format("%s: %d SIGKILLs, %d clean restarts in %.1f s; %s%s", ok() ? "PASSED" : "FAILED", kills(),
                interruptions.size() - kills(), elapsed.toMillis() / 1000.0, delivery.summary(),
                loadFailure == null ? "" : "; the load failed: " + loadFailure);
    }
}
