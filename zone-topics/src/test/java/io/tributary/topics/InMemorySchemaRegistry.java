package io.tributary.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/** A registry in memory with Confluent's id and version rules (same schema → same id; re-registering adds no version). */
final class InMemorySchemaRegistry implements SchemaRegistry {
    private final Map<Schema, Integer> ids = new LinkedHashMap<>();
    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, List<Integer>> versions = new LinkedHashMap<>();
    int registerCalls;

    @Override
    public synchronized int register(String subject, Schema schema) {
        registerCalls++;
        Integer id = ids.computeIfAbsent(schema, s -> {
            byId.add(s);
            return byId.size();
        });
        List<Integer> subjectVersions = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!subjectVersions.contains(id)) {
            subjectVersions.add(id);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new RegistryException("schema " + id + " not found", 404, 40403);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized Optional<SubjectVersion> latest(String subject) {
        List<Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null) {
            return Optional.empty();
        }
        int id = subjectVersions.get(subjectVersions.size() - 1);
        return Optional.of(new SubjectVersion(subject, subjectVersions.size(), id, byId.get(id - 1)));
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versions.keySet());
    }
}
