package io.tributary.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a zone descriptor (YAML) and checks it completely: every problem is reported with file,
 * line, column and field, so a platform engineer fixes them all in one pass.
 *
 * <pre>
 * zone: finance
 * description: Corporate finance
 * owners: [finance-data@example.com]
 * steward: controller@example.com
 * defaults:              # optional; any dataset may override
 *   partitions: 3
 *   retention: {landing: 7d, staging: 30d, rejected: 30d}
 * datasets:
 *   - name: expenses
 *     schema: finance/expenses.avsc      # relative to this file
 *     keyField: expense_id
 *     eventTimeField: submitted_at
 *     landingFormat: json                # json | csv | avro
 *     validationMode: record             # record | batch
 *     coercion: strict                   # strict | lenient; also timeZone, csv, batch, rules:
 *                                        # see ApprovalReader
 * </pre>
 */
public final class DescriptorLoader {
    static final Set<String> ZONE_KEYS = Set.of("zone", "description", "owners", "steward", "defaults", "datasets", "entities",
            "uses", "publishes", "analytical");
    static final Set<String> DEFAULTS_KEYS = Set.of("partitions", "retention");
    static final Set<String> DATASET_KEYS = Set.of("name", "description", "schema", "keyField", "eventTimeField",
            "landingFormat", "validationMode", "partitions", "retention", "coercion", "timeZone", "csv", "batch", "rules", "reference");
    private static final int MAX_PARTITIONS = 10_000;

    private DescriptorLoader() {
    }

    /** Loads every descriptor ({@code *.yaml}, {@code *.yml}) directly in {@code dir}, in name order. */
    public static List<ZoneDescriptor> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DescriptorException(List.of(new DescriptorProblem(dir, 0, 0, "", "not a folder of zone descriptors")));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DescriptorException(List.of(new DescriptorProblem(dir, 0, 0, "", "cannot list folder: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new DescriptorException(List.of(new DescriptorProblem(dir, 0, 0, "", "no zone descriptor (*.yaml) in this folder")));
        }
        List<ZoneDescriptor> zones = new ArrayList<>();
        List<DescriptorProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            try {
                ZoneDescriptor zone = load(file);
                if (!names.add(zone.zone())) {
                    problems.add(new DescriptorProblem(file, 1, 1, "zone", "zone '" + zone.zone() + "' is declared by another file too"));
                }
                zones.add(zone);
            } catch (DescriptorException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return zones;
    }

    public static ZoneDescriptor load(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new DescriptorException(List.of(new DescriptorProblem(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "", "not valid YAML: " + e.getProblem())));
        } catch (IOException e) {
            throw new DescriptorException(List.of(new DescriptorProblem(file, 0, 0, "", "cannot read file: " + e.getMessage())));
        } catch (RuntimeException e) {
            throw new DescriptorException(List.of(new DescriptorProblem(file, 0, 0, "", "not valid YAML: " + e.getMessage())));
        }
        Problems problems = new Problems(file);
        if (root == null) {
            problems.add(1, 1, "", "the file is empty");
            throw problems.toException();
        }
        ZoneDescriptor zone = new DescriptorReader(file, problems).readZone(YamlNode.root(root, problems));
        if (!problems.isEmpty()) {
            throw problems.toException();
        }
        return zone;
    }

    static Path resolve(Path dir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }

    static Optional<Schema> readSchema(YamlNode at, Path schemaFile) {
        if (!Files.isRegularFile(schemaFile)) {
            at.problem("schema file " + schemaFile + " does not exist");
            return Optional.empty();
        }
        try {
            Schema schema = new Schema.Parser().parse(schemaFile.toFile());
            if (schema.getType() != Schema.Type.RECORD) {
                at.problem("schema " + schemaFile + " is an Avro " + schema.getType().getName() + ", not a record");
                return Optional.empty();
            }
            return Optional.of(schema);
        } catch (SchemaParseException | IOException e) {
            at.problem("schema " + schemaFile + " is not a valid Avro schema: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            at.problem("schema " + schemaFile + " is not a valid Avro schema: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Walks the YAML tree of one file; records problems instead of stopping at the first. */
    private static final class DescriptorReader {
        private final Path file;
        private final Problems problems;

        DescriptorReader(Path file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        ZoneDescriptor readZone(YamlNode root) {
            Optional<Map<String, YamlNode>> fields = root.mapping(ZONE_KEYS);
            if (fields.isEmpty()) {
                return null;
            }
            Map<String, YamlNode> f = fields.get();
            String zone = name(root, f, "zone", "zone");
            String description = optionalText(f, "description").orElse("");
            List<String> owners = requiredList(root, f, "owners");
            String steward = requiredText(root, f, "steward");
            Defaults defaults = f.containsKey("defaults") ? readDefaults(f.get("defaults")) : Defaults.PLATFORM;
            List<DatasetSpec> datasets = new ArrayList<>();
            YamlNode datasetsNode = f.get("datasets");
            if (datasetsNode == null) {
                root.problem("datasets", "missing: a zone declares at least one dataset");
            } else {
                List<YamlNode> items = datasetsNode.sequence().orElse(List.of());
                if (items.isEmpty() && datasetsNode.isSequence()) {
                    datasetsNode.problem("a zone declares at least one dataset");
                }
                Set<String> seen = new HashSet<>();
                for (YamlNode item : items) {
                    DatasetSpec spec = readDataset(item, defaults);
                    if (spec != null && !seen.add(spec.name())) {
                        item.problem("dataset '" + spec.name() + "' is declared twice");
                    }
                    if (spec != null) {
                        datasets.add(spec);
                    }
                }
            }
            EntityReader entityReader = new EntityReader(zone, datasets, file.toAbsolutePath().getParent(), defaults.partitions());
            List<ZoneDescriptor.UsedDataset> uses = f.containsKey("uses") ? entityReader.uses(f.get("uses")) : List.of();
            List<EntitySpec> entities = f.containsKey("entities") ? entityReader.entities(f.get("entities"), uses) : List.of();
            List<Publication> publishes = f.containsKey("publishes") ? entityReader.publishes(f.get("publishes"), entities) : List.of();
            List<AnalyticalSpec> analytical = f.containsKey("analytical") ? AnalyticalReader.read(f.get("analytical"), zone,
                    file.toAbsolutePath().getParent(), datasets, entities, uses, defaults.partitions()) : List.of();
            return new ZoneDescriptor(zone, description, owners, steward, datasets, file, entities, publishes, uses, analytical);
        }

        private Defaults readDefaults(YamlNode node) {
            Map<String, YamlNode> f = node.mapping(DEFAULTS_KEYS).orElse(Map.of());
            int partitions = f.containsKey("partitions") ? partitions(f.get("partitions")) : DatasetSpec.Defaults.PARTITIONS;
            Map<Stage, Retention> retention = f.containsKey("retention") ? retention(f.get("retention")) : Map.of();
            return new Defaults(partitions, retention);
        }

        private DatasetSpec readDataset(YamlNode node, Defaults defaults) {
            Optional<Map<String, YamlNode>> fields = node.mapping(DATASET_KEYS);
            if (fields.isEmpty()) {
                return null;
            }
            Map<String, YamlNode> f = fields.get();
            String name = name(node, f, "name", "dataset");
            Optional<Schema> schema = Optional.empty();
            Path schemaFile = null;
            YamlNode schemaNode = f.get("schema");
            if (schemaNode == null) {
                node.problem("schema", "missing: the path of the dataset's Avro schema (.avsc)");
            } else {
                Optional<String> path = schemaNode.text();
                if (path.isPresent()) {
                    schemaFile = resolve(file.toAbsolutePath().getParent(), path.get());
                    schema = readSchema(schemaNode, schemaFile);
                }
            }
            String keyField = requiredText(node, f, "keyField");
            String eventTimeField = optionalText(f, "eventTimeField").orElse(null);
            if (schema.isPresent()) {
                checkField(schema.get(), f.get("keyField"), keyField, "key");
                checkField(schema.get(), f.get("eventTimeField"), eventTimeField, "event-time");
            }
            LandingFormat format = f.containsKey("landingFormat")
                    ? f.get("landingFormat").enumValue(LandingFormat.class).orElse(null)
                    : DatasetSpec.Defaults.LANDING_FORMAT;
            ValidationMode mode = f.containsKey("validationMode")
                    ? f.get("validationMode").enumValue(ValidationMode.class).orElse(null)
                    : DatasetSpec.Defaults.VALIDATION_MODE;
            int partitions = f.containsKey("partitions") ? partitions(f.get("partitions")) : defaults.partitions();
            Map<Stage, Retention> retention = new EnumMap<>(Stage.class);
            retention.putAll(defaults.retention());
            if (f.containsKey("retention")) {
                retention.putAll(retention(f.get("retention")));
            }
            ApprovalReader.Approval approval = ApprovalReader.read(f, schema, format, mode);
            boolean reference = f.containsKey("reference") && f.get("reference").bool().orElse(false);
            if (name == null || schema.isEmpty() || keyField == null || format == null || mode == null) {
                return null;
            }
            return new DatasetSpec(name, optionalText(f, "description").orElse(""), schemaFile, schema.get(), keyField,
                    eventTimeField, format, mode, partitions, retention, approval.coercion(), approval.timeZone(), approval.csv(),
                    approval.rules(), approval.batch(), reference);
        }

        private static void checkField(Schema schema, YamlNode at, String field, String role) {
            if (field != null && schema.getField(field) == null) {
                at.problem("the " + role + " field '" + field + "' is not a field of schema " + schema.getFullName()
                        + " (fields: " + schema.getFields().stream().map(Schema.Field::name).toList() + ")");
            }
        }

        private int partitions(YamlNode node) {
            Optional<Integer> n = node.integer();
            if (n.isPresent() && (n.get() < 1 || n.get() > MAX_PARTITIONS)) {
                node.problem("partitions must be between 1 and " + MAX_PARTITIONS + ", not " + n.get());
            }
            return n.orElse(DatasetSpec.Defaults.PARTITIONS);
        }

        private Map<Stage, Retention> retention(YamlNode node) {
            Set<String> stages = new HashSet<>();
            for (Stage s : Stage.values()) {
                stages.add(s.id());
            }
            Map<Stage, Retention> result = new EnumMap<>(Stage.class);
            node.mapping(stages).orElse(Map.of()).forEach((key, value) -> value.text().ifPresent(text -> {
                try {
                    result.put(Stage.fromId(key).orElseThrow(), Retention.parse(text));
                } catch (IllegalArgumentException e) {
                    value.problem(e.getMessage());
                }
            }));
            return result;
        }

        private String name(YamlNode parent, Map<String, YamlNode> f, String key, String what) {
            String name = requiredText(parent, f, key);
            if (name != null && !Names.isValid(name)) {
                f.get(key).problem(what + " name '" + name + "' must match " + Names.RULE + " (lower-case letters, digits, _; starting with a letter)");
                return null;
            }
            return name;
        }

        private static String requiredText(YamlNode parent, Map<String, YamlNode> f, String key) {
            YamlNode node = f.get(key);
            if (node == null) {
                parent.problem(key, "missing");
                return null;
            }
            Optional<String> text = node.text();
            if (text.isPresent() && text.get().isBlank()) {
                node.problem("is empty");
                return null;
            }
            return text.orElse(null);
        }

        private static Optional<String> optionalText(Map<String, YamlNode> f, String key) {
            YamlNode node = f.get(key);
            return node == null ? Optional.empty() : node.text();
        }

        private static List<String> requiredList(YamlNode parent, Map<String, YamlNode> f, String key) {
            YamlNode node = f.get(key);
            if (node == null) {
                parent.problem(key, "missing: at least one entry");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            node.sequence().ifPresent(items -> items.forEach(i -> i.text().ifPresent(values::add)));
            if (values.isEmpty() && node.isSequence()) {
                node.problem("needs at least one entry");
            }
            return values;
        }
    }

    private record Defaults(int partitions, Map<Stage, Retention> retention) {
        static final Defaults PLATFORM = new Defaults(DatasetSpec.Defaults.PARTITIONS, Map.of());
    }
}
