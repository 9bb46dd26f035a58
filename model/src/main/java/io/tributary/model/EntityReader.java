package io.tributary.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads the ods part of a zone descriptor: {@code entities} with their sources, lookups and
 * mappings, {@code uses} and {@code publishes}. Everything that can be checked within the file is
 * checked here (fields exist, types fit, CEL expressions compile and give the field's type);
 * what needs other zones (publication, their schemas) is checked by {@link ZoneReferences}.
 *
 * <pre>
 * uses: [hr.departments]                     # published to this zone by zone hr
 * publishes:
 *   - {dataset: expense, to: [audit]}         # an entity or dataset of this zone
 * entities:
 *   - name: expense
 *     schema: finance/expense.avsc
 *     key: expense_id
 *     version: {eventTime: submitted_at}      # or {field: revision}
 *     sources:
 *       - dataset: expenses
 *         priority: 1                         # wins ties of version (default 0)
 *         transformer: cents                  # optional: a RecordTransformer of the zone (Java SPI), after the mappings
 *         lookups:
 *           - {name: eur_rate, reference: fx_rates, key: currency, field: rate_to_eur, onMiss: reject}
 *         mappings:                           # entity field: how it gets its value
 *           expense_id: claim_id              # = {from: claim_id}
 *           amount: {from: amount_text, cast: double}
 *           amount_eur: {expression: "amount * eur_rate"}
 *           source_system: {constant: reports}
 *           rate: {lookup: eur_rate}
 * </pre>
 */
final class EntityReader {
    static final Set<String> ENTITY_KEYS = Set.of("name", "description", "schema", "key", "version", "partitions", "sources");
    static final Set<String> VERSION_KEYS = Set.of("eventTime", "field");
    static final Set<String> SOURCE_KEYS = Set.of("dataset", "priority", "lookups", "mappings", "transformer");
    static final Set<String> LOOKUP_KEYS = Set.of("name", "reference", "key", "field", "onMiss", "default");
    static final Set<String> PUBLICATION_KEYS = Set.of("dataset", "to");

    private final String zone;
    private final List<DatasetSpec> datasets;
    private final Path folder;
    private final int defaultPartitions;

    /** @param folder where the descriptor is: schema paths are relative to it */
    EntityReader(String zone, List<DatasetSpec> datasets, Path folder, int defaultPartitions) {
        this.zone = zone;
        this.datasets = datasets;
        this.folder = folder;
        this.defaultPartitions = defaultPartitions;
    }

    List<ZoneDescriptor.UsedDataset> uses(YamlNode node) {
        List<ZoneDescriptor.UsedDataset> uses = new ArrayList<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            item.text().ifPresent(text -> {
                DatasetRef ref = ref(item, text);
                if (ref == null) {
                    return;
                }
                if (ref.isIn(zone) || text.indexOf('.') < 0) {
                    item.problem("uses lists other zones' data as <zone>.<dataset>; '" + text + "' is not another zone's");
                } else if (uses.stream().anyMatch(u -> u.ref().equals(ref))) {
                    item.problem("'" + text + "' is listed twice");
                } else {
                    uses.add(new ZoneDescriptor.UsedDataset(ref, item.place()));
                }
            });
        }
        return uses;
    }

    List<Publication> publishes(YamlNode node, List<EntitySpec> entities) {
        List<Publication> publications = new ArrayList<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            Map<String, YamlNode> f = item.mapping(PUBLICATION_KEYS).orElse(null);
            if (f == null) {
                continue;
            }
            String dataset = null;
            if (!f.containsKey("dataset")) {
                item.problem("dataset", "missing: the dataset or entity of this zone that is published");
            } else {
                dataset = f.get("dataset").text().orElse(null);
                String name = dataset;
                if (name != null && datasets.stream().noneMatch(d -> d.name().equals(name))
                        && entities.stream().noneMatch(e -> e.name().equals(name))) {
                    f.get("dataset").problem("zone " + zone + " has no dataset or entity '" + name + "' to publish (datasets: "
                            + datasets.stream().map(DatasetSpec::name).toList() + ", entities: "
                            + entities.stream().map(EntitySpec::name).toList() + ")");
                    dataset = null;
                }
            }
            List<String> to = new ArrayList<>();
            if (!f.containsKey("to")) {
                item.problem("to", "missing: the zones it is published to");
            } else {
                for (YamlNode z : f.get("to").sequence().orElse(List.of())) {
                    z.text().ifPresent(name -> {
                        if (!Names.isValid(name)) {
                            z.problem("zone name '" + name + "' must match " + Names.RULE);
                        } else if (name.equals(zone)) {
                            z.problem("a zone does not publish to itself");
                        } else {
                            to.add(name);
                        }
                    });
                }
            }
            if (dataset != null && !to.isEmpty()) {
                publications.add(new Publication(dataset, to, item.place()));
            }
        }
        return publications;
    }

    /** Entities are read in two passes, so that a source may look up an entity declared after it. */
    List<EntitySpec> entities(YamlNode node, List<ZoneDescriptor.UsedDataset> uses) {
        List<Header> headers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            Header header = header(item);
            if (header != null && !names.add(header.name)) {
                item.problem("entity '" + header.name + "' is declared twice");
            } else if (header != null) {
                headers.add(header);
            }
        }
        Map<String, Header> byName = new HashMap<>();
        headers.forEach(h -> byName.put(h.name, h));
        List<EntitySpec> entities = new ArrayList<>();
        for (Header header : headers) {
            List<EntitySource> sources = new ArrayList<>();
            YamlNode sourcesNode = header.fields.get("sources");
            if (sourcesNode == null) {
                header.node.problem("sources", "missing: at least one staging dataset feeding the entity");
            } else {
                Set<String> seen = new HashSet<>();
                List<YamlNode> items = sourcesNode.sequence().orElse(List.of());
                if (items.isEmpty() && sourcesNode.isSequence()) {
                    sourcesNode.problem("an entity has at least one source");
                }
                for (YamlNode item : items) {
                    EntitySource source = source(item, header, byName, uses);
                    if (source != null && !seen.add(source.dataset())) {
                        item.problem("dataset '" + source.dataset() + "' feeds entity " + header.name + " twice");
                    } else if (source != null) {
                        sources.add(source);
                    }
                }
            }
            if (header.version != null) {
                entities.add(new EntitySpec(header.name, header.description, header.schemaFile, header.schema, header.key,
                        header.version, header.partitions, sources, header.node.place()));
            }
        }
        return entities;
    }

    /** What the first pass reads of an entity: name, schema, key, version. */
    private static final class Header {
        YamlNode node;
        Map<String, YamlNode> fields;
        String name;
        String description;
        Path schemaFile;
        Schema schema;
        String key;
        VersionSpec version;
        int partitions;
    }

    private Header header(YamlNode item) {
        Map<String, YamlNode> f = item.mapping(ENTITY_KEYS).orElse(null);
        if (f == null) {
            return null;
        }
        Header h = new Header();
        h.node = item;
        h.fields = f;
        h.name = name(item, f.get("name"), "name", "entity");
        h.description = f.containsKey("description") ? f.get("description").text().orElse("") : "";
        YamlNode schemaNode = f.get("schema");
        if (schemaNode == null) {
            item.problem("schema", "missing: the path of the entity's Avro schema (.avsc)");
        } else {
            schemaNode.text().ifPresent(path -> {
                h.schemaFile = DescriptorLoader.resolve(folder, path);
                h.schema = DescriptorLoader.readSchema(schemaNode, h.schemaFile).orElse(null);
            });
        }
        YamlNode keyNode = f.get("key");
        if (keyNode == null) {
            item.problem("key", "missing: the entity field that is its business key");
        } else {
            h.key = keyNode.text().orElse(null);
            if (h.key != null && h.schema != null && h.schema.getField(h.key) == null) {
                keyNode.problem("the key field '" + h.key + "' is not a field of schema " + h.schema.getFullName() + " (fields: "
                        + FieldPaths.topLevel(h.schema) + ")");
            }
        }
        h.version = version(item, f.get("version"), h.schema);
        h.partitions = defaultPartitions;
        if (f.containsKey("partitions")) {
            YamlNode p = f.get("partitions");
            Optional<Integer> n = p.integer();
            if (n.isPresent() && (n.get() < 1 || n.get() > 10_000)) {
                p.problem("partitions must be between 1 and 10000, not " + n.get());
            } else if (n.isPresent()) {
                h.partitions = n.get();
            }
        }
        return h.name == null || h.schema == null || h.key == null ? null : h;
    }

    private static VersionSpec version(YamlNode item, YamlNode node, Schema schema) {
        if (node == null) {
            item.problem("version", "missing: {eventTime: <timestamp field>} or {field: <number field>}; a newer version replaces an older one");
            return null;
        }
        Map<String, YamlNode> f = node.mapping(VERSION_KEYS).orElse(null);
        if (f == null) {
            return null;
        }
        if (f.size() != 1) {
            node.problem("give exactly one of eventTime or field");
            return null;
        }
        VersionSpec.Kind kind = f.containsKey("eventTime") ? VersionSpec.Kind.EVENT_TIME : VersionSpec.Kind.FIELD;
        YamlNode fieldNode = f.values().iterator().next();
        String field = fieldNode.text().orElse(null);
        if (field == null || schema == null) {
            return null;
        }
        Schema.Field avro = schema.getField(field);
        if (avro == null) {
            fieldNode.problem("the version field '" + field + "' is not a field of schema " + schema.getFullName() + " (fields: "
                    + FieldPaths.topLevel(schema) + ")");
            return null;
        }
        String type = AvroTypes.kind(avro.schema());
        if (kind == VersionSpec.Kind.EVENT_TIME && !type.equals("timestamp")) {
            fieldNode.problem("eventTime '" + field + "' is " + type + ", not a timestamp (timestamp-millis or timestamp-micros)");
            return null;
        }
        if (kind == VersionSpec.Kind.FIELD && !type.equals("int") && !type.equals("long") && !type.equals("timestamp")) {
            fieldNode.problem("version field '" + field + "' is " + type + "; a version is an int, a long or a timestamp");
            return null;
        }
        return new VersionSpec(kind, field);
    }

    private EntitySource source(YamlNode item, Header entity, Map<String, Header> entities, List<ZoneDescriptor.UsedDataset> uses) {
        Map<String, YamlNode> f = item.mapping(SOURCE_KEYS).orElse(null);
        if (f == null) {
            return null;
        }
        YamlNode datasetNode = f.get("dataset");
        if (datasetNode == null) {
            item.problem("dataset", "missing: the staging dataset of this zone that feeds the entity");
            return null;
        }
        String name = datasetNode.text().orElse(null);
        if (name == null) {
            return null;
        }
        Optional<DatasetSpec> dataset = datasets.stream().filter(d -> d.name().equals(name)).findFirst();
        if (dataset.isEmpty()) {
            datasetNode.problem("zone " + zone + " has no dataset '" + name + "' (datasets: "
                    + datasets.stream().map(DatasetSpec::name).toList() + ")");
            return null;
        }
        Schema source = dataset.get().schema();
        int priority = f.containsKey("priority") ? f.get("priority").integer().orElse(0) : 0;
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        if (f.containsKey("lookups")) {
            for (YamlNode l : f.get("lookups").sequence().orElse(List.of())) {
                Lookup lookup = lookup(l, source, entities, uses);
                if (lookup != null && lookups.containsKey(lookup.spec.name())) {
                    l.problem("lookup '" + lookup.spec.name() + "' is declared twice in this source");
                } else if (lookup != null) {
                    lookups.put(lookup.spec.name(), lookup);
                }
            }
        }
        Map<String, CelType> variables = new LinkedHashMap<>();
        lookups.forEach((n, l) -> variables.put(n, l.celType()));
        MappingCompiler compiler = MappingCompiler.forSource(source, variables);
        List<FieldMapping> complete = MappingReader.completeMappings(item, f.get("mappings"), entity.schema, "entity " + entity.name, source, name,
                lookups, compiler);
        String transformer = "";
        if (f.containsKey("transformer")) {
            YamlNode t = f.get("transformer");
            transformer = t.text().orElse("");
            if (!transformer.isEmpty() && !Names.isValid(transformer)) {
                t.problem("transformer name '" + transformer + "' must match " + Names.RULE + " (the name its RecordTransformer gives)");
            }
        }
        return new EntitySource(name, priority, lookups.values().stream().map(l -> l.spec).toList(), complete, transformer, item.place());
    }

    /** A lookup and, when its target is in this zone, the schema of the field it reads. */
    record Lookup(LookupSpec spec, Schema valueSchema) {
        CelType celType() {
            if (valueSchema == null) {
                return SimpleType.DYN;
            }
            return RuleTypes.of(spec.onMiss() == MissPolicy.NULL ? AvroTypes.nullable(valueSchema) : valueSchema);
        }
    }

    private Lookup lookup(YamlNode item, Schema source, Map<String, Header> entities, List<ZoneDescriptor.UsedDataset> uses) {
        Map<String, YamlNode> f = item.mapping(LOOKUP_KEYS).orElse(null);
        if (f == null) {
            return null;
        }
        String name = name(item, f.get("name"), "name", "lookup");
        if (name != null && source.getField(name) != null) {
            f.get("name").problem("lookup '" + name + "' has the name of a field of the source; name it differently");
        }
        DatasetRef ref = null;
        YamlNode refNode = f.get("reference");
        if (refNode == null) {
            item.problem("reference", "missing: the reference dataset or entity looked up (name, or <zone>.<name> if another zone's)");
        } else {
            ref = refNode.text().map(t -> ref(refNode, t)).orElse(null);
        }
        Schema target = null;
        if (ref != null && ref.isIn(zone)) {
            target = localTarget(refNode, ref, entities);
        } else if (ref != null) {
            DatasetRef r = ref;
            if (uses.stream().noneMatch(u -> u.ref().equals(r))) {
                refNode.problem("zone " + zone + " does not list " + ref + " under uses; another zone's data is used only "
                        + "when that zone publishes it to this one and this one lists it under uses");
            }
        }
        String key = required(item, f, "key", "the field of the source whose value is looked up");
        if (key != null && source.getField(key) == null) {
            f.get("key").problem("the lookup key '" + key + "' is not a field of the source schema " + source.getFullName() + " (fields: "
                    + FieldPaths.topLevel(source) + ")");
        }
        String field = required(item, f, "field", "the field of the looked-up record that is the lookup's value");
        Schema valueSchema = null;
        if (field != null && target != null) {
            Schema.Field avro = target.getField(field);
            if (avro == null) {
                f.get("field").problem("'" + field + "' is not a field of " + ref + " (fields: " + FieldPaths.topLevel(target) + ")");
            } else {
                valueSchema = avro.schema();
            }
        }
        MissPolicy onMiss = f.containsKey("onMiss") ? f.get("onMiss").enumValue(MissPolicy.class).orElse(null) : MissPolicy.REJECT;
        String defaultValue = null;
        if (f.containsKey("default")) {
            defaultValue = f.get("default").text().orElse(null);
            if (onMiss != MissPolicy.DEFAULT) {
                f.get("default").problem("a default is used with onMiss: default only");
            } else if (valueSchema != null && defaultValue != null) {
                try {
                    ConstantValues.parse(defaultValue, valueSchema);
                } catch (IllegalArgumentException e) {
                    f.get("default").problem("the default does not fit field " + field + " of " + ref + ": " + e.getMessage());
                }
            }
        } else if (onMiss == MissPolicy.DEFAULT) {
            item.problem("default", "missing: onMiss: default needs the value to use on a miss");
        }
        if (name == null || ref == null || key == null || field == null || onMiss == null) {
            return null;
        }
        return new Lookup(new LookupSpec(name, ref, key, field, onMiss, defaultValue, item.place()), valueSchema);
    }

    private Schema localTarget(YamlNode at, DatasetRef ref, Map<String, Header> entities) {
        Header entity = entities.get(ref.dataset());
        if (entity != null) {
            return entity.schema;
        }
        Optional<DatasetSpec> dataset = datasets.stream().filter(d -> d.name().equals(ref.dataset())).findFirst();
        if (dataset.isEmpty()) {
            at.problem("zone " + zone + " has no reference dataset or entity '" + ref.dataset() + "' (reference datasets: "
                    + datasets.stream().filter(DatasetSpec::reference).map(DatasetSpec::name).toList() + ", entities: "
                    + entities.keySet() + ")");
            return null;
        }
        if (!dataset.get().reference()) {
            at.problem("dataset '" + ref.dataset() + "' is not reference data: declare it with reference: true (its topic is then "
                    + "compacted, so that every key stays there to be looked up)");
            return null;
        }
        return dataset.get().schema();
    }

    private static String required(YamlNode parent, Map<String, YamlNode> f, String key, String what) {
        YamlNode node = f.get(key);
        if (node == null) {
            parent.problem(key, "missing: " + what);
            return null;
        }
        return node.text().orElse(null);
    }

    private static String name(YamlNode parent, YamlNode node, String key, String what) {
        if (node == null) {
            parent.problem(key, "missing");
            return null;
        }
        String name = node.text().orElse(null);
        if (name != null && !Names.isValid(name)) {
            node.problem(what + " name '" + name + "' must match " + Names.RULE + " (lower-case letters, digits, _; starting with a letter)");
            return null;
        }
        return name;
    }

    private DatasetRef ref(YamlNode at, String text) {
        try {
            DatasetRef ref = DatasetRef.parse(text, zone);
            if (!Names.isValid(ref.zone()) || !Names.isValid(ref.dataset())) {
                at.problem("'" + text + "' is not <name> or <zone>.<name> with names matching " + Names.RULE);
                return null;
            }
            return ref;
        } catch (IllegalArgumentException e) {
            at.problem(e.getMessage());
            return null;
        }
    }
}
