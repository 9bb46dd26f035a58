package io.tributary.model;

import java.util.Objects;

/**
 * A data-quality rule of a dataset: a CEL expression over the record's fields that is true for
 * a good record, e.g. {@code amount > 0.0} or {@code approved_at >= submitted_at}.
 *
 * @param name       names the rule in reject headers, warnings and metrics
 * @param expression the CEL expression; the record's top-level fields are its variables
 * @param action     what happens to a record for which it is false (or cannot be evaluated)
 * @param field      the field path a field rule checks (the reject header's field); empty for a
 *                   rule across fields
 * @param message    what a failure means for the producer; empty to use the expression
 * @param line       where the expression is in the descriptor (for messages), 0 if unknown
 */
public record QualityRule(String name, String expression, RuleAction action, String field, String message, int line) {

    public QualityRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(action, "action");
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }

    /** The failure message: the rule's own, or the expression that did not hold. */
    public String failureMessage() {
        return message.isEmpty() ? "rule " + name + " failed: " + expression : message;
    }
}
