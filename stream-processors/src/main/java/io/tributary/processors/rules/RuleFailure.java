package io.tributary.processors.rules;

import io.tributary.model.QualityRule;

/**
 * A rule that did not hold for a record: false, or not evaluable ({@code error}, e.g. it reads
 * a map key the record does not have), with what to tell the producer.
 */
public record RuleFailure(QualityRule rule, boolean error, String message) {
}
