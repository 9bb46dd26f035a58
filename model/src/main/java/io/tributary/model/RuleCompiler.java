package io.tributary.model;

import java.util.List;

import org.apache.avro.Schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.RegexLiteralValidator;

/**
 * Compiles data-quality rules (CEL) against a dataset's Avro schema: each top-level field is a
 * variable of the type {@link RuleTypes} gives it, the result must be a bool, and regular
 * expressions written as literals must be valid. Compiling once per schema and rule is what
 * makes evaluating them per record cheap. The descriptor loader compiles every rule so that a
 * bad expression is a descriptor problem; the validator compiles them again for each schema
 * version it runs with.
 */
public final class RuleCompiler {
    /** Options shared by compilation and evaluation: {@code amount > 0} compares a double with an int. */
    public static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .evaluateCanonicalTypesToNativeValues(true)
            .enableTimestampEpoch(true)
            .comprehensionMaxIterations(100_000)
            .build();

    private final Schema schema;
    private final Cel cel;
    private final CelValidator validator;

    private RuleCompiler(Schema schema) {
        this.schema = schema;
        var builder = CelFactory.plannerCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings())
                .addRuntimeLibraries(CelExtensions.strings())
                .setResultType(SimpleType.BOOL);
        for (Schema.Field field : schema.getFields()) {
            builder.addVar(field.name(), RuleTypes.of(field.schema()));
        }
        this.cel = builder.build();
        this.validator = CelValidatorFactory.standardCelValidatorBuilder(cel)
                .addAstValidators(RegexLiteralValidator.INSTANCE).build();
    }

    /** A compiler whose variables are the top-level fields of {@code recordSchema}. */
    public static RuleCompiler forSchema(Schema recordSchema) {
        if (recordSchema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("rules apply to Avro records, not " + recordSchema.getType());
        }
        return new RuleCompiler(recordSchema);
    }

    public Schema schema() {
        return schema;
    }

    /** The checked expression, or {@link RuleCompileException} listing every issue with its place in the expression. */
    public CelAbstractSyntaxTree compile(String expression) {
        CelAbstractSyntaxTree ast;
        try {
            ast = cel.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new RuleCompileException(issues(e.getErrors()));
        } catch (RuntimeException e) {
            throw new RuleCompileException(List.of(new RuleCompileException.Issue(1, 1, String.valueOf(e.getMessage()))));
        }
        CelValidationResult checked = validator.validate(ast);
        if (checked.hasError()) {
            throw new RuleCompileException(issues(checked.getErrors()));
        }
        return ast;
    }

    /** A program evaluating {@code ast}; programs are thread-safe and meant to be reused for every record. */
    public CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new RuleCompileException(List.of(new RuleCompileException.Issue(1, 1, e.getMessage())));
        }
    }

    private static List<RuleCompileException.Issue> issues(List<CelIssue> issues) {
        return issues.stream().map(i -> new RuleCompileException.Issue(Math.max(1, i.getSourceLocation().getLine()),
                i.getSourceLocation().getColumn() + 1, i.getMessage())).toList();
    }
}
