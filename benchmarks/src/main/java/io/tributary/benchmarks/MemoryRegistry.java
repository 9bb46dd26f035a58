package io.tributary.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/** A registry in memory: the serializer benchmark measures encoding, not HTTP (its ids are cached after the first call anyway). */
final class MemoryRegistry implements SchemaRegistry {
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final List<Schema> schemas = new ArrayList<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return schemas.get(id - 1);
    }

    @Override
    public Optional<SubjectVersion> latest(String subject) {
        return Optional.empty();
    }

    @Override
    public List<String> subjects() {
        return List.of();
    }
}
