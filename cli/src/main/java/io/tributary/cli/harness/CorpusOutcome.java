package io.tributary.cli.harness;

import java.time.Duration;
import java.util.List;

/** The result of a corpus run: each case's result and every accounting problem found. */
public record CorpusOutcome(List<CaseResult> results, List<String> problems, Duration elapsed) {

    public CorpusOutcome {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String summary() {
        return String.format("%s: %d cases (%d kinds of channel), %d problems in %.1f s%s", ok() ? "PASSED" : "FAILED", results.size(),
                results.stream().map(r -> r.corpusCase().channel()).distinct().count(), problems.size(), elapsed.toMillis() / 1000.0,
                problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems));
    }
}
