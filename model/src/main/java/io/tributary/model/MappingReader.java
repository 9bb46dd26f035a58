package io.tributary.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.Schema;

import dev.cel.common.CelAbstractSyntaxTree;

/**
 * Reads the {@code mappings} of an entity source or an analytical output: one mapping per target
 * field (copy and rename, cast, CEL expression, constant, lookup), checked against the source's
 * schema and the target field's type, and completed with copies by name and defaults.
 */
final class MappingReader {
    static final Set<String> MAPPING_KEYS = Set.of("from", "cast", "expression", "constant", "lookup");

    private MappingReader() {
    }

    /**
     * One mapping per field of {@code target}, in its order: the explicit ones of {@code mappingsNode}
     * (checked), the rest copied from the source field of the same name or defaulted.
     *
     * @param what names the target in messages, e.g. {@code entity expense}
     */
    static List<FieldMapping> completeMappings(YamlNode owner, YamlNode mappingsNode, Schema target, String what, Schema source,
            String sourceName, Map<String, EntityReader.Lookup> lookups, MappingCompiler compiler) {
        Map<String, FieldMapping> explicit = new LinkedHashMap<>();
        Set<String> mentioned = new HashSet<>();
        if (mappingsNode != null) {
            mappingsNode.entries().orElse(Map.of()).forEach((name, node) -> {
                mentioned.add(name);
                Schema.Field field = target.getField(name);
                if (field == null) {
                    node.problem("'" + name + "' is not a field of " + what + " (fields: " + FieldPaths.topLevel(target) + ")");
                    return;
                }
                FieldMapping mapping = mapping(node, name, field.schema(), source, lookups, compiler, sourceName);
                if (mapping != null) {
                    explicit.put(name, mapping);
                }
            });
        }
        List<FieldMapping> complete = new ArrayList<>();
        for (Schema.Field field : target.getFields()) {
            FieldMapping mapping = explicit.get(field.name());
            if (mapping == null && !mentioned.contains(field.name())) {
                mapping = implicit(owner, field, source, sourceName, what);
            }
            if (mapping != null) {
                complete.add(mapping);
            }
        }
        return complete;
    }

    private static FieldMapping mapping(YamlNode node, String target, Schema targetSchema, Schema source,
            Map<String, EntityReader.Lookup> lookups, MappingCompiler compiler, String sourceName) {
        Place place = node.place();
        if (!node.isMapping()) {
            // Shorthand: `target: source_field` copies (and renames) a field.
            return node.text().map(from -> copy(node, node, target, targetSchema, source, from, Optional.empty(), sourceName)).orElse(null);
        }
        Map<String, YamlNode> f = node.mapping(MAPPING_KEYS).orElse(null);
        if (f == null) {
            return null;
        }
        List<String> kinds = f.keySet().stream().filter(k -> !k.equals("cast")).toList();
        if (kinds.size() != 1) {
            node.problem("give exactly one of from, expression, constant or lookup (found " + (kinds.isEmpty() ? "none" : kinds) + ")");
            return null;
        }
        if (f.containsKey("cast") && !f.containsKey("from")) {
            f.get("cast").problem("cast applies to from: only (an expression gives its own type)");
            return null;
        }
        String kind = kinds.get(0);
        YamlNode value = f.get(kind);
        Optional<String> text = value.text();
        if (text.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case "from" -> {
                Optional<String> cast = f.containsKey("cast") ? f.get("cast").text() : Optional.empty();
                yield copy(value, f.get("cast"), target, targetSchema, source, text.get(), cast, sourceName);
            }
            case "expression" -> derive(value, target, targetSchema, text.get(), compiler);
            case "constant" -> {
                try {
                    ConstantValues.parse(text.get(), targetSchema);
                    yield new FieldMapping.Constant(target, text.get(), place);
                } catch (IllegalArgumentException e) {
                    value.problem("constant for field " + target + ": " + e.getMessage());
                    yield null;
                }
            }
            default -> fromLookup(value, target, targetSchema, text.get(), lookups);
        };
    }

    private static FieldMapping copy(YamlNode fromNode, YamlNode castNode, String target, Schema targetSchema, Schema source, String from,
            Optional<String> cast, String sourceName) {
        Schema.Field field = source.getField(from);
        if (field == null) {
            fromNode.problem("'" + from + "' is not a field of source " + sourceName + " (schema " + source.getFullName() + ", fields: "
                    + FieldPaths.topLevel(source) + ")");
            return null;
        }
        String targetKind = AvroTypes.kind(targetSchema);
        if (cast.isPresent()) {
            String c = cast.get();
            if (!AvroTypes.CAST_KINDS.contains(c)) {
                castNode.problem("'" + c + "' is not one of " + new java.util.TreeSet<>(AvroTypes.CAST_KINDS));
                return null;
            }
            if (!c.equals(targetKind)) {
                castNode.problem("cast: " + c + " does not give the type of field " + target + ", which is " + targetKind);
                return null;
            }
            if (!AvroTypes.castable(field.schema(), c)) {
                castNode.problem("a " + AvroTypes.kind(field.schema()) + " (source field " + from + ") cannot be cast to " + c);
                return null;
            }
        } else if (!AvroTypes.assignable(field.schema(), targetSchema)) {
            fromNode.problem("source field " + from + " is " + AvroTypes.kind(field.schema()) + " but entity field " + target + " is "
                    + targetKind + (AvroTypes.castable(field.schema(), targetKind) ? "; add cast: " + targetKind : ""));
            return null;
        }
        return new FieldMapping.Copy(target, from, cast, fromNode.place());
    }

    private static FieldMapping derive(YamlNode value, String target, Schema targetSchema, String expression, MappingCompiler compiler) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression);
            String mismatch = MappingCompiler.mismatch(ast.getResultType(), targetSchema);
            if (mismatch != null) {
                value.problem("expression for field " + target + ": " + mismatch);
                return null;
            }
        } catch (RuleCompileException e) {
            for (RuleCompileException.Issue issue : e.issues()) {
                value.problemInText(issue.line(), issue.column(), "expression for field " + target + " does not compile: " + issue.message());
            }
            return null;
        }
        return new FieldMapping.Derive(target, expression, value.place());
    }

    private static FieldMapping fromLookup(YamlNode value, String target, Schema targetSchema, String name,
            Map<String, EntityReader.Lookup> lookups) {
        EntityReader.Lookup lookup = lookups.get(name);
        if (lookup == null) {
            value.problem("this source declares no lookup '" + name + "' (lookups: " + lookups.keySet() + ")");
            return null;
        }
        if (lookup.valueSchema() != null && !AvroTypes.assignable(lookup.valueSchema(), targetSchema)) {
            value.problem("lookup " + name + " gives " + AvroTypes.kind(lookup.valueSchema()) + " but field " + target + " is "
                    + AvroTypes.kind(targetSchema));
            return null;
        }
        if (lookup.spec().onMiss() == MissPolicy.NULL && !AvroTypes.isNullable(targetSchema)) {
            value.problem("lookup " + name + " gives null on a miss (onMiss: null) but field " + target + " does not allow null");
            return null;
        }
        return new FieldMapping.FromLookup(target, name, value.place());
    }

    private static FieldMapping implicit(YamlNode sourceNode, Schema.Field field, Schema source, String sourceName, String entity) {
        // entity: how messages name the target, e.g. "entity expense"
        Schema.Field same = source.getField(field.name());
        Place place = sourceNode.place();
        if (same != null) {
            if (!AvroTypes.assignable(same.schema(), field.schema())) {
                sourceNode.problem("mappings", entity + " field " + field.name() + " is " + AvroTypes.kind(field.schema())
                        + " but the source field of the same name is " + AvroTypes.kind(same.schema()) + "; map it explicitly"
                        + (AvroTypes.castable(same.schema(), AvroTypes.kind(field.schema()))
                        ? " ({from: " + field.name() + ", cast: " + AvroTypes.kind(field.schema()) + "})" : ""));
                return null;
            }
            return new FieldMapping.Copy(field.name(), field.name(), Optional.empty(), place);
        }
        if (field.hasDefaultValue() || AvroTypes.isNullable(field.schema())) {
            return new FieldMapping.Defaulted(field.name(), place);
        }
        sourceNode.problem("mappings", entity + " field '" + field.name() + "' gets no value from source " + sourceName
                + ": map it (from, expression, constant or lookup) or give it a default in the entity schema");
        return null;
    }
}
