package io.tributary.processors.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import io.tributary.processors.validation.WriterSchemas;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Writer schemas of Avro landing records from the registry, cached for good (an id's schema
 * never changes). An id the registry does not know (404) is empty, and is asked again next
 * time: it may be registered later. Other failures are thrown: the record is not at fault.
 */
public final class RegistryWriterSchemas implements WriterSchemas {
    private final SchemaRegistry registry;
    private final Map<Integer, Schema> cache = new ConcurrentHashMap<>();

    public RegistryWriterSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Schema> byId(int id) {
        Schema cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Schema schema = registry.schemaById(id);
            cache.put(id, schema);
            return Optional.of(schema);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
