package io.tributary.cli.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.tributary.cli.harness.CorpusCase.Expected;

/**
 * Checks the corpus run: every record that landed was accepted or rejected exactly once (per
 * case and per dataset), each case ended as expected (reason code, field, HTTP status, file
 * report), and no component stopped. Pure: it takes what was observed, so a test can feed it a
 * result with a reject missing.
 */
public final class CorpusAccounting {

    /** @return every problem found, each naming its case or dataset; empty when the run is sound */
    public List<String> check(List<CaseResult> results, Collection<String> componentsNotUp) {
        List<String> problems = new ArrayList<>();
        Map<String, int[]> perDataset = new TreeMap<>();
        for (CaseResult r : results) {
            String name = r.corpusCase().name();
            int[] totals = perDataset.computeIfAbsent(r.corpusCase().dataset(), d -> new int[3]);
            totals[0] += r.landed();
            totals[1] += r.accepted();
            totals[2] += r.rejected();
            if (r.accepted() + r.rejected() != r.landed()) {
                problems.add(name + ": " + r.landed() + " landed but " + r.accepted() + " accepted + " + r.rejected()
                        + " rejected (records lost or duplicated)");
            }
            expectation(r).ifPresent(p -> problems.add(name + ": expected " + r.corpusCase().expected() + ", observed " + r.observed()
                    + " (" + p + ")"));
        }
        perDataset.forEach((dataset, t) -> {
            if (t[1] + t[2] != t[0]) {
                problems.add("dataset " + dataset + ": " + t[0] + " landed, " + t[1] + " accepted + " + t[2] + " rejected");
            }
        });
        componentsNotUp.forEach(c -> problems.add("component " + c + " is not up after the corpus"));
        return problems;
    }

    private java.util.Optional<String> expectation(CaseResult r) {
        Expected e = r.corpusCase().expected();
        String problem = switch (e.outcome()) {
            case ACCEPTED -> r.landed() == 0 ? "nothing landed"
                    : r.accepted() != r.landed() ? "not every record reached staging"
                    : e.httpStatus() != 0 && r.httpStatus() != e.httpStatus() ? "wrong HTTP status" : null;
            case REJECTED -> r.landed() != 1 ? "one record should have landed"
                    : r.rejected() != 1 ? "it was not rejected exactly once"
                    : !e.reason().equals(r.reasons().get(0)) ? "wrong reason code"
                    : e.field() != null && !e.field().equals(r.fields().get(0)) ? "wrong field" : null;
            case REFUSED -> r.httpStatus() != e.httpStatus() ? "wrong HTTP status"
                    : r.landed() != 0 ? "a refused request landed records" : null;
            case FILE_REJECTED -> !Objects.equals(e.reason(), r.reportReason()) ? "wrong or no file report"
                    : r.landed() != 0 ? "a rejected file landed records" : null;
            case BATCH_REJECTED -> r.landed() == 0 ? "nothing landed"
                    : r.rejected() != r.landed() ? "not every record of the batch was rejected"
                    : !r.reasons().contains(e.reason()) ? "the failing record's reason is missing"
                    : r.reasons().stream().anyMatch(x -> !x.equals(e.reason()) && !x.equals("BATCH_REJECTED"))
                            ? "a record rejected for another reason" : null;
        };
        return java.util.Optional.ofNullable(problem);
    }
}
