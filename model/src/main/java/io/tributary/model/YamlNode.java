package io.tributary.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its field path and position, whose accessors report a problem (with line and
 * column) when the node is not of the expected shape, and return empty.
 */
final class YamlNode {
    private final Node node;
    private final String path;
    private final Problems problems;

    private YamlNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    static YamlNode root(Node node, Problems problems) {
        return new YamlNode(node, "", problems);
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    int column() {
        return node.getStartMark().getColumn() + 1;
    }

    void problem(String message) {
        problems.add(line(), column(), path, message);
    }

    /** A problem about a child that is absent: reported at this node, named by the child's path. */
    void problem(String child, String message) {
        problems.add(line(), column(), path.isEmpty() ? child : path + "." + child, message);
    }

    String path() {
        return path;
    }

    Place place() {
        return new Place(line(), column(), path);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** Every entry of a mapping whose keys are not fixed (e.g. entity field names), in order. */
    Optional<Map<String, YamlNode>> entries() {
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping (key: value lines), found " + describe());
            return Optional.empty();
        }
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), path, problems);
            key.text().ifPresent(name -> fields.put(name,
                    new YamlNode(tuple.getValueNode(), path.isEmpty() ? name : path + "." + name, problems)));
        }
        return Optional.of(fields);
    }

    Optional<Boolean> bool() {
        return text().flatMap(t -> {
            if (t.equals("true") || t.equals("false")) {
                return Optional.of(Boolean.parseBoolean(t));
            }
            problem("expected true or false, found '" + t + "'");
            return Optional.empty();
        });
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The mapping's entries; keys outside {@code allowed} are reported as unknown. */
    Optional<Map<String, YamlNode>> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping (key: value lines), found " + describe());
            return Optional.empty();
        }
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), path, problems);
            Optional<String> name = key.text();
            if (name.isEmpty()) {
                continue;
            }
            String childPath = path.isEmpty() ? name.get() : path + "." + name.get();
            if (!allowed.contains(name.get())) {
                problems.add(key.line(), key.column(), childPath,
                        "unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
                continue;
            }
            fields.put(name.get(), new YamlNode(tuple.getValueNode(), childPath, problems));
        }
        return Optional.of(fields);
    }

    Optional<List<YamlNode>> sequence() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list (lines starting with '- '), found " + describe());
            return Optional.empty();
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(values.get(i), path + "[" + i + "]", problems));
        }
        return Optional.of(items);
    }

    Optional<String> text() {
        if (!(node instanceof ScalarNode scalar)) {
            problem("expected a single value, found " + describe());
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    Optional<Integer> integer() {
        return text().flatMap(t -> {
            try {
                return Optional.of(Integer.parseInt(t.trim()));
            } catch (NumberFormatException e) {
                problem("expected a whole number, found '" + t + "'");
                return Optional.empty();
            }
        });
    }

    /** An enum constant written in lower case, with '-' for '_' ({@code fail-batch} for {@code FAIL_BATCH}). */
    <E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
        return text().flatMap(t -> {
            for (E e : type.getEnumConstants()) {
                if (id(e).equals(t)) {
                    return Optional.of(e);
                }
            }
            problem("'" + t + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(YamlNode::id).collect(Collectors.joining(", ")));
            return Optional.empty();
        });
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A problem at a place inside this scalar's text, given as line and column within the text
     * (1-based), e.g. where a rule's expression does not compile. Block scalars ({@code |},
     * {@code >}) start on the line after the indicator; their columns are relative to the text.
     */
    void problemInText(int lineInText, int columnInText, String message) {
        boolean block = node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
        boolean quoted = node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        int line = line() + lineInText - 1 + (block ? 1 : 0);
        int column = block || lineInText > 1 ? columnInText : column() + columnInText - 1 + (quoted ? 1 : 0);
        problems.add(line, column, path, message);
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
