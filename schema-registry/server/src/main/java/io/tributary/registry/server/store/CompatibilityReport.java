package io.tributary.registry.server.store;

import java.util.List;

/** The answer of a compatibility check: compatible, or the reasons it is not. */
public record CompatibilityReport(boolean compatible, List<String> messages) {
    public CompatibilityReport {
        messages = List.copyOf(messages);
    }

    public static CompatibilityReport of(List<String> problems) {
        return new CompatibilityReport(problems.isEmpty(), problems);
    }
}
