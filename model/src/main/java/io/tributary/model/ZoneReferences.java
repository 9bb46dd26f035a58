package io.tributary.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;

/**
 * Checks what zones say about each other, which one descriptor alone cannot: a zone uses only
 * what another zone publishes to it, and its lookups in another zone's data name fields that
 * exist, with types that fit (expressions using them are type-checked again with those types).
 * {@code tributary zones plan} refuses descriptors with any of these problems.
 */
public final class ZoneReferences {
    private ZoneReferences() {
    }

    /** Every problem, each in the file (line, column, field) of the zone that refers to the other. */
    public static List<DescriptorProblem> check(Collection<ZoneDescriptor> zones) {
        Map<String, ZoneDescriptor> byName = new LinkedHashMap<>();
        zones.forEach(z -> byName.putIfAbsent(z.zone(), z));
        List<DescriptorProblem> problems = new ArrayList<>();
        for (ZoneDescriptor zone : zones) {
            for (ZoneDescriptor.UsedDataset use : zone.uses()) {
                String problem = publicationProblem(zone, use.ref(), byName);
                if (problem != null) {
                    problems.add(problem(zone.source(), use.place(), problem));
                }
            }
            for (EntitySpec entity : zone.entities()) {
                for (EntitySource source : entity.sources()) {
                    checkForeignLookups(zone, entity, source, byName, problems);
                }
            }
            for (AnalyticalSpec output : zone.analytical()) {
                output.joins().stream().filter(j -> !j.with().isIn(zone.zone())).forEach(join -> {
                    LookupTarget.Result resolved = LookupTarget.resolve(zone, join.with(), z -> Optional.ofNullable(byName.get(z)));
                    if (!resolved.found()) {
                        problems.add(problem(zone.source(), join.place(), "analytical " + output.name() + " joins " + join.with() + ": "
                                + resolved.problem()));
                    }
                });
            }
        }
        return problems;
    }

    /** Why {@code zone} may not use {@code ref}, or null if it may. */
    static String publicationProblem(ZoneDescriptor zone, DatasetRef ref, Map<String, ZoneDescriptor> zones) {
        ZoneDescriptor owner = zones.get(ref.zone());
        if (owner == null) {
            return "zone " + zone.zone() + " uses " + ref + ", but there is no zone " + ref.zone() + " among the descriptors";
        }
        if (owner.dataset(ref.dataset()).isEmpty() && owner.entity(ref.dataset()).isEmpty()) {
            return "zone " + zone.zone() + " uses " + ref + ", but zone " + owner.zone() + " has no dataset or entity " + ref.dataset();
        }
        if (!owner.publishesTo(ref.dataset(), zone.zone())) {
            List<String> published = owner.publishes().stream().filter(p -> p.to().contains(zone.zone())).map(Publication::dataset).toList();
            return "zone " + zone.zone() + " uses " + ref + ", but zone " + owner.zone() + " does not publish " + ref.dataset() + " to "
                    + zone.zone() + " (" + owner.zone() + " publishes to " + zone.zone() + ": "
                    + (published.isEmpty() ? "nothing" : String.join(", ", published)) + ")";
        }
        return null;
    }

    private static void checkForeignLookups(ZoneDescriptor zone, EntitySpec entity, EntitySource source, Map<String, ZoneDescriptor> zones,
            List<DescriptorProblem> problems) {
        boolean foreign = source.lookups().stream().anyMatch(l -> !l.reference().isIn(zone.zone()));
        if (!foreign) {
            return;
        }
        Map<String, Schema> valueSchemas = new LinkedHashMap<>();
        Map<String, CelType> variables = new LinkedHashMap<>();
        boolean complete = true;
        for (LookupSpec lookup : source.lookups()) {
            LookupTarget.Result resolved = LookupTarget.resolve(zone, lookup.reference(), z -> Optional.ofNullable(zones.get(z)));
            if (!resolved.found()) {
                problems.add(problem(zone.source(), lookup.place(), "lookup " + lookup.name() + " in " + lookup.reference() + ": "
                        + resolved.problem()));
                complete = false;
                continue;
            }
            Schema.Field field = resolved.target().schema().getField(lookup.valueField());
            if (field == null) {
                problems.add(problem(zone.source(), lookup.place(), "lookup " + lookup.name() + ": '" + lookup.valueField()
                        + "' is not a field of " + lookup.reference() + " (fields: " + FieldPaths.topLevel(resolved.target().schema()) + ")"));
                complete = false;
                continue;
            }
            if (lookup.onMiss() == MissPolicy.DEFAULT) {
                try {
                    ConstantValues.parse(lookup.defaultValue(), field.schema());
                } catch (IllegalArgumentException e) {
                    problems.add(problem(zone.source(), lookup.place(), "lookup " + lookup.name() + ": the default does not fit field "
                            + lookup.valueField() + " of " + lookup.reference() + ": " + e.getMessage()));
                }
            }
            Schema value = lookup.onMiss() == MissPolicy.NULL ? AvroTypes.nullable(field.schema()) : field.schema();
            valueSchemas.put(lookup.name(), value);
            variables.put(lookup.name(), RuleTypes.of(value));
        }
        if (!complete) {
            return;
        }
        Schema sourceSchema = zone.dataset(source.dataset()).map(DatasetSpec::schema).orElse(null);
        if (sourceSchema == null) {
            return;
        }
        MappingCompiler compiler = MappingCompiler.forSource(sourceSchema, variables);
        for (FieldMapping mapping : source.mappings()) {
            Schema target = entity.schema().getField(mapping.target()).schema();
            if (mapping instanceof FieldMapping.FromLookup l && valueSchemas.containsKey(l.lookup())
                    && !AvroTypes.assignable(valueSchemas.get(l.lookup()), target)) {
                problems.add(problem(zone.source(), mapping.place(), "lookup " + l.lookup() + " gives "
                        + AvroTypes.kind(valueSchemas.get(l.lookup())) + " but field " + mapping.target() + " is " + AvroTypes.kind(target)));
            } else if (mapping instanceof FieldMapping.Derive d) {
                try {
                    CelAbstractSyntaxTree ast = compiler.compile(d.expression());
                    String mismatch = MappingCompiler.mismatch(ast.getResultType(), target);
                    if (mismatch != null) {
                        problems.add(problem(zone.source(), mapping.place(), "expression for field " + mapping.target() + ": " + mismatch));
                    }
                } catch (RuleCompileException e) {
                    problems.add(problem(zone.source(), mapping.place(), "expression for field " + mapping.target()
                            + " does not compile with the types of the other zones' data: " + e.getMessage()));
                }
            }
        }
    }

    private static DescriptorProblem problem(Path file, Place place, String message) {
        return new DescriptorProblem(file, place.line(), place.column(), place.field(), message);
    }
}
