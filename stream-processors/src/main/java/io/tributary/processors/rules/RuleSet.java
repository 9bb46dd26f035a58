package io.tributary.processors.rules;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.tributary.model.QualityRule;
import io.tributary.model.RuleCompiler;

/**
 * A dataset's data-quality rules, compiled once for one version of its schema and evaluated for
 * every record. Thread-safe: CEL programs are immutable.
 */
public final class RuleSet {
    public static final RuleSet NONE = new RuleSet(List.of());

    private final List<CompiledRule> rules;

    private record CompiledRule(QualityRule rule, CelRuntime.Program program) {
    }

    private RuleSet(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** Compiles {@code rules} against {@code schema}; {@link io.tributary.model.RuleCompileException} if one does not compile. */
    public static RuleSet compile(Schema schema, List<QualityRule> rules) {
        if (rules.isEmpty()) {
            return NONE;
        }
        RuleCompiler compiler = RuleCompiler.forSchema(schema);
        List<CompiledRule> compiled = new ArrayList<>();
        for (QualityRule rule : rules) {
            compiled.add(new CompiledRule(rule, compiler.program(compiler.compile(rule.expression()))));
        }
        return new RuleSet(List.copyOf(compiled));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rules that do not hold for {@code record}, in declaration order; empty when all hold. */
    public List<RuleFailure> evaluate(GenericRecord record) {
        if (rules.isEmpty()) {
            return List.of();
        }
        RecordVariables variables = new RecordVariables(record);
        List<RuleFailure> failures = null;
        for (CompiledRule compiled : rules) {
            RuleFailure failure = evaluate(compiled, variables);
            if (failure != null) {
                if (failures == null) {
                    failures = new ArrayList<>(2);
                }
                failures.add(failure);
            }
        }
        return failures == null ? List.of() : failures;
    }

    private static RuleFailure evaluate(CompiledRule compiled, RecordVariables variables) {
        QualityRule rule = compiled.rule();
        try {
            Object result = compiled.program().eval(variables);
            if (Boolean.TRUE.equals(result)) {
                return null;
            }
            if (Boolean.FALSE.equals(result)) {
                return new RuleFailure(rule, false, rule.failureMessage());
            }
            return new RuleFailure(rule, true, "rule " + rule.name() + " did not give true or false but " + result);
        } catch (CelEvaluationException | RuntimeException e) {
            return new RuleFailure(rule, true, "rule " + rule.name() + " (" + rule.expression() + ") cannot be evaluated for this record: "
                    + e.getMessage());
        }
    }
}
