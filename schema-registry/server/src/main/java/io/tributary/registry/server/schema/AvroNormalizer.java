package io.tributary.registry.server.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The normalised form asked for with {@code normalize=true}: every named type and every
 * reference to one is written with its full name (no {@code namespace} attribute), and the keys
 * of every JSON object come in one fixed order ({@code type}, {@code name}, then the rest
 * alphabetically; {@code name}, {@code type}, then the rest for record fields). Schemas that differ only in how they spell names then get one id.
 * Defaults, docs, aliases and custom properties are kept: they change the schema's meaning.
 */
final class AvroNormalizer {
    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
    private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");
    private static final ObjectMapper JSON = new ObjectMapper();

    String normalize(String canonicalJson) {
        try {
            JsonNode tree = JSON.readTree(canonicalJson);
            return JSON.writeValueAsString(type(tree, ""));
        } catch (JsonProcessingException e) {
            // The text comes from Avro's own rendering: it is JSON.
            throw new IllegalStateException("Avro rendered a schema that is not JSON", e);
        }
    }

    private JsonNode type(JsonNode node, String namespace) {
        if (node.isTextual()) {
            return TextNode.valueOf(qualify(node.asText(), namespace));
        }
        if (node.isArray()) {
            ArrayNode union = JsonNodeFactory.instance.arrayNode();
            node.forEach(branch -> union.add(type(branch, namespace)));
            return union;
        }
        if (!node.isObject()) {
            return node;
        }
        String kind = node.path("type").asText();
        Map<String, JsonNode> out = new TreeMap<>();
        String inner = namespace;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        if (NAMED.contains(kind)) {
            String fullName = fullName(node.path("name").asText(), node.path("namespace").asText(null), namespace);
            inner = fullName.contains(".") ? fullName.substring(0, fullName.lastIndexOf('.')) : "";
            out.put("name", TextNode.valueOf(fullName));
        }
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "name", "namespace" -> {
                    if (!NAMED.contains(kind)) {
                        out.put(key, value);
                    }
                }
                case "type" -> out.put(key, value.isTextual() && (NAMED.contains(value.asText())
                        || List.of("array", "map").contains(value.asText())) ? value : type(value, inner));
                case "items", "values" -> out.put(key, type(value, inner));
                case "fields" -> out.put(key, fields(value, inner));
                case "aliases" -> out.put(key, aliases(value, inner));
                default -> out.put(key, value);
            }
        }
        return ordered(out);
    }

    private JsonNode fields(JsonNode fields, String namespace) {
        ArrayNode normalised = JsonNodeFactory.instance.arrayNode();
        for (JsonNode field : fields) {
            Map<String, JsonNode> out = new TreeMap<>();
            field.fields().forEachRemaining(e -> out.put(e.getKey(),
                    e.getKey().equals("type") ? type(e.getValue(), namespace) : e.getValue()));
            normalised.add(orderedField(out));
        }
        return normalised;
    }

    private JsonNode aliases(JsonNode aliases, String namespace) {
        List<String> names = new ArrayList<>();
        aliases.forEach(a -> names.add(qualify(a.asText(), namespace)));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        names.forEach(out::add);
        return out;
    }

    /** type first, then name, then the rest in alphabetical order. */
    private static ObjectNode ordered(Map<String, JsonNode> sorted) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (sorted.containsKey("type")) {
            node.set("type", sorted.remove("type"));
        }
        if (sorted.containsKey("name")) {
            node.set("name", sorted.remove("name"));
        }
        sorted.forEach(node::set);
        return node;
    }

    /** A field: name first, then type, then the rest in alphabetical order. */
    private static ObjectNode orderedField(Map<String, JsonNode> sorted) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (sorted.containsKey("name")) {
            node.set("name", sorted.remove("name"));
        }
        if (sorted.containsKey("type")) {
            node.set("type", sorted.remove("type"));
        }
        sorted.forEach(node::set);
        return node;
    }

    private static String qualify(String name, String namespace) {
        if (PRIMITIVES.contains(name) || name.contains(".") || namespace.isEmpty()) {
            return name;
        }
        return namespace + "." + name;
    }

    private static String fullName(String name, String ownNamespace, String enclosing) {
        if (name.contains(".")) {
            return name;
        }
        String ns = ownNamespace != null ? ownNamespace : enclosing;
        return ns == null || ns.isEmpty() ? name : ns + "." + name;
    }
}
