package io.tributary.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.Schema;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/**
 * Reads a zone's {@code analytical} outputs, checking what the file alone can tell (the entity,
 * the join's key field and target, the mappings as for entity sources).
 *
 * <pre>
 * analytical:
 *   - name: expense_facts
 *     schema: finance/expense_fact.avsc
 *     from: expense                          # an entity of this zone
 *     join: {name: dept, with: hr.departments, key: department_code}   # optional foreign-key (left) join,
 *                                                                     # or a list of them, each with its own name
 *     mappings:                              # as for entity sources; fields left out are copied from the entity
 *       department_name: {expression: "dept == null ? 'unknown' : dept.name"}
 * </pre>
 */
final class AnalyticalReader {
    static final Set<String> KEYS = Set.of("name", "description", "schema", "from", "join", "mappings", "partitions", "aggregate");
    static final Set<String> AGGREGATE_KEYS = Set.of("groupBy", "time", "window", "measures");
    static final Set<String> WINDOW_KEYS = Set.of("size", "grace");
    static final Set<String> MEASURE_KEYS = Set.of("name", "function", "field");
    static final Set<String> JOIN_KEYS = Set.of("name", "with", "key");

    private AnalyticalReader() {
    }

    static List<AnalyticalSpec> read(YamlNode node, String zone, Path folder, List<DatasetSpec> datasets, List<EntitySpec> entities,
            List<ZoneDescriptor.UsedDataset> uses, int defaultPartitions) {
        List<AnalyticalSpec> outputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            Map<String, YamlNode> f = item.mapping(KEYS).orElse(null);
            if (f == null) {
                continue;
            }
            String name = text(item, f, "name", "the output's name; its topic is <zone>.analytical.<name>");
            if (name != null && !Names.isValid(name)) {
                f.get("name").problem("analytical output name '" + name + "' must match " + Names.RULE);
                name = null;
            } else if (name != null && !names.add(name)) {
                f.get("name").problem("analytical output '" + name + "' is declared twice");
            }
            String from = text(item, f, "from", "the entity of this zone the facts are about");
            Optional<EntitySpec> entity = Optional.empty();
            if (from != null) {
                entity = entities.stream().filter(e -> e.name().equals(from)).findFirst();
                if (entity.isEmpty()) {
                    f.get("from").problem("zone " + zone + " has no entity '" + from + "' (entities: "
                            + entities.stream().map(EntitySpec::name).toList() + ")");
                }
            }
            List<AnalyticalSpec.Join> joins = List.of();
            if (f.containsKey("join") && entity.isPresent()) {
                joins = joins(f.get("join"), zone, entity.get(), datasets, entities, uses);
            }
            int partitions = entity.map(EntitySpec::partitions).orElse(defaultPartitions);
            if (f.containsKey("partitions")) {
                partitions = f.get("partitions").integer().orElse(partitions);
            }
            if (f.containsKey("aggregate")) {
                if (entity.isEmpty() || name == null) {
                    continue;
                }
                for (String notHere : List.of("schema", "join", "mappings")) {
                    if (f.containsKey(notHere)) {
                        f.get(notHere).problem("an aggregate's schema is generated from its groupBy and measures; " + notHere
                                + " applies to facts only");
                    }
                }
                Optional<AggregateSpec> aggregate = aggregate(f.get("aggregate"), entity.get());
                if (aggregate.isPresent()) {
                    outputs.add(new AnalyticalSpec(name, f.containsKey("description") ? f.get("description").text().orElse("") : "", null,
                            aggregate.get().rowSchema(zone, name, entity.get().schema()), from, List.of(), List.of(), aggregate,
                            partitions, item.place()));
                }
                continue;
            }
            Path schemaFile = null;
            Schema schema = null;
            String schemaPath = text(item, f, "schema", "the path of the output's Avro schema (.avsc)");
            if (schemaPath != null) {
                schemaFile = DescriptorLoader.resolve(folder, schemaPath);
                schema = DescriptorLoader.readSchema(f.get("schema"), schemaFile).orElse(null);
            }
            if (schema == null || entity.isEmpty() || name == null) {
                continue;
            }
            Map<String, CelType> variables = new LinkedHashMap<>();
            joins.forEach(j -> variables.put(j.name(), SimpleType.DYN));
            List<FieldMapping> mappings = MappingReader.completeMappings(item, f.get("mappings"), schema, "analytical output " + name,
                    entity.get().schema(), "entity " + entity.get().name(), Map.of(),
                    MappingCompiler.forSource(entity.get().schema(), variables));
            outputs.add(new AnalyticalSpec(name, f.containsKey("description") ? f.get("description").text().orElse("") : "", schemaFile,
                    schema, from, joins, mappings, Optional.empty(), partitions, item.place()));
        }
        return outputs;
    }

    /** One join (a mapping) or several (a sequence of them), each with its own name. */
    private static List<AnalyticalSpec.Join> joins(YamlNode node, String zone, EntitySpec entity, List<DatasetSpec> datasets,
            List<EntitySpec> entities, List<ZoneDescriptor.UsedDataset> uses) {
        if (!node.isSequence()) {
            return join(node, zone, entity, datasets, entities, uses).map(List::of).orElse(List.of());
        }
        List<AnalyticalSpec.Join> joins = new ArrayList<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            join(item, zone, entity, datasets, entities, uses).ifPresent(j -> {
                if (joins.stream().anyMatch(other -> other.name().equals(j.name()))) {
                    item.problem("join name '" + j.name() + "' is used twice: each join needs its own name in expressions");
                } else {
                    joins.add(j);
                }
            });
        }
        return List.copyOf(joins);
    }

    private static Optional<AnalyticalSpec.Join> join(YamlNode node, String zone, EntitySpec entity, List<DatasetSpec> datasets,
            List<EntitySpec> entities, List<ZoneDescriptor.UsedDataset> uses) {
        Map<String, YamlNode> f = node.mapping(JOIN_KEYS).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        String name = text(node, f, "name", "the name the joined record has in expressions");
        if (name != null && (!Names.isValid(name) || entity.schema().getField(name) != null)) {
            f.get("name").problem("join name '" + name + "' must match " + Names.RULE + " and differ from the entity's fields");
            name = null;
        }
        String key = text(node, f, "key", "the entity field holding the joined record's key");
        if (key != null && entity.schema().getField(key) == null) {
            f.get("key").problem("'" + key + "' is not a field of entity " + entity.name() + " (fields: "
                    + FieldPaths.topLevel(entity.schema()) + ")");
            key = null;
        }
        String with = text(node, f, "with", "the entity or reference dataset joined (<zone>.<name> if another zone's)");
        DatasetRef ref = null;
        if (with != null) {
            try {
                ref = DatasetRef.parse(with, zone);
            } catch (IllegalArgumentException e) {
                f.get("with").problem(e.getMessage());
            }
        }
        if (ref != null && ref.isIn(zone)) {
            String target = ref.dataset();
            boolean entityTarget = entities.stream().anyMatch(e -> e.name().equals(target));
            boolean reference = datasets.stream().anyMatch(d -> d.name().equals(target) && d.reference());
            if (!entityTarget && !reference) {
                f.get("with").problem("zone " + zone + " has no entity or reference dataset '" + target + "'");
                ref = null;
            }
        } else if (ref != null) {
            DatasetRef r = ref;
            if (uses.stream().noneMatch(u -> u.ref().equals(r))) {
                f.get("with").problem("zone " + zone + " does not list " + ref + " under uses");
                ref = null;
            }
        }
        if (name == null || key == null || ref == null) {
            return Optional.empty();
        }
        return Optional.of(new AnalyticalSpec.Join(name, ref, key, node.place()));
    }

    private static Optional<AggregateSpec> aggregate(YamlNode node, EntitySpec entity) {
        Map<String, YamlNode> f = node.mapping(AGGREGATE_KEYS).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        Schema schema = entity.schema();
        boolean ok = true;
        List<String> groupBy = new ArrayList<>();
        if (f.containsKey("groupBy")) {
            for (YamlNode g : f.get("groupBy").sequence().orElse(List.of())) {
                String field = g.text().orElse(null);
                if (field != null && schema.getField(field) == null) {
                    g.problem("'" + field + "' is not a field of entity " + entity.name() + " (fields: " + FieldPaths.topLevel(schema) + ")");
                    ok = false;
                } else if (field != null) {
                    groupBy.add(field);
                }
            }
        }
        String time = entity.version().kind() == VersionSpec.Kind.EVENT_TIME ? entity.version().field() : null;
        if (f.containsKey("time")) {
            time = f.get("time").text().orElse(null);
            if (time != null && (schema.getField(time) == null || !AvroTypes.kind(schema.getField(time).schema()).equals("timestamp"))) {
                f.get("time").problem("'" + time + "' is not a timestamp field of entity " + entity.name());
                ok = false;
            }
        } else if (time == null) {
            node.problem("time", "missing: the entity's versions are not by event time, so name the timestamp field windows are by");
            ok = false;
        }
        Duration size = null;
        Duration grace = Duration.ZERO;
        YamlNode windowNode = f.get("window");
        if (windowNode == null) {
            node.problem("window", "missing: {size: <duration>, grace: <duration>}, e.g. {size: 30d, grace: 2d}");
            ok = false;
        } else {
            Map<String, YamlNode> w = windowNode.mapping(WINDOW_KEYS).orElse(Map.of());
            if (!w.containsKey("size")) {
                windowNode.problem("size", "missing: the length of the tumbling windows, e.g. 1d");
                ok = false;
            } else {
                size = duration(w.get("size"));
                ok &= size != null && !size.isZero();
            }
            if (w.containsKey("grace")) {
                grace = duration(w.get("grace"));
                ok &= grace != null;
            }
        }
        List<AggregateSpec.Measure> measures = new ArrayList<>();
        Set<String> names = new HashSet<>(groupBy);
        names.add("window_start");
        names.add("window_end");
        for (YamlNode m : f.containsKey("measures") ? f.get("measures").sequence().orElse(List.of()) : List.<YamlNode>of()) {
            Map<String, YamlNode> mf = m.mapping(MEASURE_KEYS).orElse(null);
            if (mf == null) {
                ok = false;
                continue;
            }
            String name = text(m, mf, "name", "the column's name");
            if (name != null && (!Names.isValid(name) || !names.add(name))) {
                mf.get("name").problem("measure name '" + name + "' must match " + Names.RULE + " and differ from the other columns");
                name = null;
            }
            AggregateSpec.Function function = mf.containsKey("function") ? mf.get("function").enumValue(AggregateSpec.Function.class).orElse(null)
                    : null;
            if (!mf.containsKey("function")) {
                m.problem("function", "missing: sum, count, min, max or avg");
            }
            String field = mf.containsKey("field") ? mf.get("field").text().orElse(null) : null;
            if (function != null && function != AggregateSpec.Function.COUNT) {
                if (field == null) {
                    m.problem("field", "missing: the number field " + function.id() + " is over");
                } else if (schema.getField(field) == null || !Set.of("int", "long", "float", "double", "decimal")
                        .contains(AvroTypes.kind(schema.getField(field).schema()))) {
                    mf.get("field").problem("'" + field + "' is not a number field of entity " + entity.name());
                    field = null;
                }
            }
            if (name == null || function == null || function != AggregateSpec.Function.COUNT && field == null) {
                ok = false;
                continue;
            }
            measures.add(new AggregateSpec.Measure(name, function, function == AggregateSpec.Function.COUNT ? null : field));
        }
        if (measures.isEmpty()) {
            node.problem("measures", "missing: at least one {name, function, field}");
            ok = false;
        }
        return ok ? Optional.of(new AggregateSpec(groupBy, time, size, grace, measures)) : Optional.empty();
    }

    private static Duration duration(YamlNode node) {
        return node.text().map(t -> {
            try {
                Retention r = Retention.parse(t);
                if (r.isForever()) {
                    node.problem("a window cannot be forever");
                    return null;
                }
                return Duration.ofMillis(r.ms());
            } catch (IllegalArgumentException e) {
                node.problem("'" + t + "' is not a duration: use a number with ms, s, m, h, d or w (e.g. 30d)");
                return null;
            }
        }).orElse(null);
    }

    private static String text(YamlNode parent, Map<String, YamlNode> f, String key, String what) {
        YamlNode node = f.get(key);
        if (node == null) {
            parent.problem(key, "missing: " + what);
            return null;
        }
        return node.text().orElse(null);
    }
}
