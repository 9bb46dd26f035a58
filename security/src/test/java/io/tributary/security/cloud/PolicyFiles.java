package io.tributary.security.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads back what {@link CloudPolicyWriter} wrote: every IAM policy file by principal (role name). */
final class PolicyFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private PolicyFiles() {
    }

    static Map<String, JsonNode> iamPoliciesByPrincipal(Path dir) {
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("iam-policy.json")).sorted().toList()) {
                String folder = file.getParent().getFileName().toString();
                String name = file.getFileName().toString().replace("iam-policy.json", "");
                String principal = name.isEmpty() ? folder : folder + "-" + name.substring(0, name.length() - 1);
                policies.put(principal, JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return policies;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
