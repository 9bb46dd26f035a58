package io.tributary.model;

import java.util.List;
import java.util.stream.Collectors;

/** A rule's expression does not compile; each issue has its line and column inside the expression (1-based). */
public final class RuleCompileException extends RuntimeException {
    private final List<Issue> issues;

    public record Issue(int line, int column, String message) {
    }

    public RuleCompileException(List<Issue> issues) {
        super(issues.stream().map(i -> i.line() + ":" + i.column() + ": " + i.message()).collect(Collectors.joining("; ")));
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
