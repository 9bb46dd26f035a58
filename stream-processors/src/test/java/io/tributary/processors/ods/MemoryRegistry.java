package io.tributary.processors.ods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/** A schema registry in memory for topology tests: global ids, versions per subject; the real one is used by the ITs. */
final class MemoryRegistry implements SchemaRegistry {
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : versions) {
            if (byId.get(id).equals(schema)) {
                return id;
            }
        }
        int id = byId.size() + 1;
        byId.put(id, schema);
        versions.add(id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new RegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized Optional<SubjectVersion> latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        int id = versions.get(versions.size() - 1);
        return Optional.of(new SubjectVersion(subject, versions.size(), id, byId.get(id)));
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }
}
