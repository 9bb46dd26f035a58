package io.tributary.registry.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * Remembers ids and schemas, which never change once registered, so that the registry is asked
 * once per schema and an outage after warm-up does not stop serialisation of known schemas.
 * Latest versions and subject lists do change and are always asked for.
 */
public final class CachingSchemaRegistry implements SchemaRegistry {
    private final SchemaRegistry delegate;
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public CachingSchemaRegistry(SchemaRegistry delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer known = ids.get(schema);
        if (known != null) {
            return known;
        }
        int id = delegate.register(subject, schema);
        ids.put(schema, id);
        byId.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema known = byId.get(id);
        if (known != null) {
            return known;
        }
        Schema schema = delegate.schemaById(id);
        byId.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public Optional<SubjectVersion> latest(String subject) {
        Optional<SubjectVersion> latest = delegate.latest(subject);
        latest.ifPresent(v -> {
            byId.putIfAbsent(v.id(), v.schema());
            idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).putIfAbsent(v.schema(), v.id());
        });
        return latest;
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
