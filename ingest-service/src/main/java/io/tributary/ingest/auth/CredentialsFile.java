package io.tributary.ingest.auth;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.tributary.model.Names;

/**
 * Reads zone credentials from a properties or YAML file (by extension: {@code .yaml}/{@code .yml},
 * else properties). Properties: {@code <zone>.basic.<user>=<password>} and
 * {@code <zone>.tokens.<name>=<token>}. YAML: the same tree,
 * {@code <zone>: {basic: {<user>: <password>}, tokens: {<name>: <token>}}}. A secret may be written
 * {@code {sha256}<hex>}. Any other key fails the start, named with the file.
 */
public final class CredentialsFile {
    private CredentialsFile() {
    }

    public static ZoneCredentials load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("credentials file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> flat = name.endsWith(".yaml") || name.endsWith(".yml") ? readYaml(file) : readProperties(file);
        List<Credential> credentials = new ArrayList<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            credentials.add(parse(file, e.getKey(), e.getValue()));
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("credentials file " + file + " holds no credential");
        }
        return new ZoneCredentials(credentials);
    }

    static Credential parse(Path file, String key, String value) {
        String[] parts = key.split("\\.", 3);
        if (parts.length != 3 || !(parts[1].equals("basic") || parts[1].equals("tokens")) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("credentials file " + file + ", key '" + key
                    + "': expected <zone>.basic.<user> or <zone>.tokens.<name>");
        }
        if (!Names.isValid(parts[0])) {
            throw new IllegalArgumentException("credentials file " + file + ", key '" + key + "': '" + parts[0] + "' is not a zone name");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("credentials file " + file + ", key '" + key + "': the secret is empty");
        }
        if (parts[1].equals("basic") && parts[2].contains(":")) {
            throw new IllegalArgumentException("credentials file " + file + ", key '" + key + "': a Basic user name cannot hold ':'");
        }
        return new Credential(parts[0], parts[1].equals("basic") ? Credential.Type.BASIC : Credential.Type.TOKEN, parts[2], value.trim());
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> flat = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> flat.put(k, p.getProperty(k)));
        return flat;
    }

    private static Map<String, String> readYaml(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> flat = new TreeMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new IllegalArgumentException("credentials file " + file + ": expected a map of zones at the top");
            }
            flatten(file, "", root, flat);
        }
        return flat;
    }

    private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> flat) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(file, key, e.getValue(), flat);
            } else if (e.getValue().isValueNode()) {
                flat.put(key, e.getValue().asText());
            } else {
                throw new IllegalArgumentException("credentials file " + file + ", key '" + key + "': expected a map or a secret");
            }
        }
    }
}
