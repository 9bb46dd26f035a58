package io.tributary.model;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * Compiles the CEL expressions of entity mappings ({@code expression:}) against a source dataset's
 * schema: its top-level fields are variables (typed as for rules, see {@link RuleTypes}), and so are
 * the source's lookups. The result's type is checked against the entity field it fills.
 */
public final class MappingCompiler {
    private final Cel cel;

    private MappingCompiler(Schema source, Map<String, CelType> extraVariables) {
        var builder = CelFactory.plannerCelBuilder()
                .setOptions(RuleCompiler.OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.math());
        for (Schema.Field field : source.getFields()) {
            if (!extraVariables.containsKey(field.name())) {
                builder.addVar(field.name(), RuleTypes.of(field.schema()));
            }
        }
        extraVariables.forEach(builder::addVar);
        this.cel = builder.build();
    }

    /** @param extraVariables variables beside the source's fields (lookups), which win over a field of the same name */
    public static MappingCompiler forSource(Schema source, Map<String, CelType> extraVariables) {
        return new MappingCompiler(source, extraVariables);
    }

    /** The checked expression, or {@link RuleCompileException} with every issue and its place in the expression. */
    public CelAbstractSyntaxTree compile(String expression) {
        try {
            return cel.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new RuleCompileException(e.getErrors().stream().map(i -> new RuleCompileException.Issue(
                    Math.max(1, i.getSourceLocation().getLine()), i.getSourceLocation().getColumn() + 1, i.getMessage())).toList());
        } catch (RuntimeException e) {
            throw new RuleCompileException(List.of(new RuleCompileException.Issue(1, 1, String.valueOf(e.getMessage()))));
        }
    }

    public CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new RuleCompileException(List.of(new RuleCompileException.Issue(1, 1, e.getMessage())));
        }
    }

    /**
     * Why a result of type {@code result} cannot fill {@code target}, or null if it can: the CEL
     * type the field has (see {@link RuleTypes}), an int for a double, null for a field allowing
     * null; {@code dyn} is checked per record.
     */
    public static String mismatch(CelType result, Schema target) {
        if (result == SimpleType.DYN) {
            return null;
        }
        CelType wanted = RuleTypes.of(AvroTypes.nonNull(target));
        CelType given = result instanceof NullableType nullable ? nullable.targetType() : result;
        if (result == SimpleType.NULL_TYPE) {
            return AvroTypes.isNullable(target) ? null : "the expression gives null but the field does not allow null";
        }
        if (given.equals(wanted) || given == SimpleType.INT && wanted == SimpleType.DOUBLE || wanted == SimpleType.DYN) {
            return null;
        }
        return "the expression gives " + given.name() + " but the field is " + AvroTypes.kind(target) + " (CEL " + wanted.name() + ")";
    }
}
