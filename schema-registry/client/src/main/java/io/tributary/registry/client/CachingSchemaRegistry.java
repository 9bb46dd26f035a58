package io.tributary.registry.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.avro.Schema;

/**
 * Remembers ids and schemas, which never change once registered, so that the registry is asked
 * once per schema and an outage after warm-up does not stop serialisation of known schemas.
 *
 * <p>Latest versions and subject lists do change. With the one-argument constructor they are
 * always asked for; with a {@code latestTtl}, a latest version is reused for that long, and
 * kept in use (with a warning) when the registry cannot be reached afterwards.
 */
public final class CachingSchemaRegistry implements SchemaRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CachingSchemaRegistry.class);

    private record CachedLatest(SubjectVersion version, long fetchedAtNanos) {
    }

    private final SchemaRegistry delegate;
    private final Duration latestTtl;
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> lookedUpBySubject = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();

    public CachingSchemaRegistry(SchemaRegistry delegate) {
        this(delegate, null);
    }

    /**
     * @param latestTtl how long a latest version is reused; null to ask every time (and never fall
     *                  back), negative to keep it forever once fetched
     */
    public CachingSchemaRegistry(SchemaRegistry delegate, Duration latestTtl) {
        this.delegate = delegate;
        this.latestTtl = latestTtl;
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
    public int lookupId(String subject, Schema schema) {
        Integer registered = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (registered != null) {
            return registered;
        }
        Map<Schema, Integer> ids = lookedUpBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer known = ids.get(schema);
        if (known != null) {
            return known;
        }
        int id = delegate.lookupId(subject, schema);
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
        if (latestTtl == null) {
            Optional<SubjectVersion> latest = delegate.latest(subject);
            latest.ifPresent(v -> remember(subject, v));
            return latest;
        }
        CachedLatest cached = latestBySubject.get(subject);
        if (cached != null && (latestTtl.isNegative() || System.nanoTime() - cached.fetchedAtNanos() < latestTtl.toNanos())) {
            return Optional.of(cached.version());
        }
        try {
            Optional<SubjectVersion> latest = delegate.latest(subject);
            latest.ifPresent(v -> {
                remember(subject, v);
                latestBySubject.put(subject, new CachedLatest(v, System.nanoTime()));
            });
            return latest;
        } catch (RegistryException e) {
            if (cached != null && e.status() == 0) {
                LOG.warn("Schema registry unreachable ({}); still using version {} (id {}) as the latest of subject {}",
                        e.getMessage(), cached.version().version(), cached.version().id(), subject);
                return Optional.of(cached.version());
            }
            throw e;
        }
    }

    private void remember(String subject, SubjectVersion v) {
        byId.putIfAbsent(v.id(), v.schema());
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).putIfAbsent(v.schema(), v.id());
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
