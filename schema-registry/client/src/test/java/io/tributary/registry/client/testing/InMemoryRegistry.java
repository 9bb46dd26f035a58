package io.tributary.registry.client.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/**
 * A registry in memory with Confluent's id rules, that counts calls and can be switched off to
 * play an outage (calls then fail as an unreachable registry does, status 0).
 */
public final class InMemoryRegistry implements SchemaRegistry {
    private final Map<Schema, Integer> ids = new LinkedHashMap<>();
    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, List<Integer>> versions = new LinkedHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    public void setDown(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        call();
        int id = ids.computeIfAbsent(schema, s -> {
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
    public synchronized int lookupId(String subject, Schema schema) {
        call();
        Integer id = ids.get(schema);
        if (id == null || !versions.getOrDefault(subject, List.of()).contains(id)) {
            throw new RegistryException("Schema not found under subject '" + subject + "'", 404, 40403);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        call();
        if (id < 1 || id > byId.size()) {
            throw new RegistryException("Schema " + id + " not found", 404, 40403);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized Optional<SubjectVersion> latest(String subject) {
        call();
        List<Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null) {
            return Optional.empty();
        }
        int id = subjectVersions.get(subjectVersions.size() - 1);
        return Optional.of(new SubjectVersion(subject, subjectVersions.size(), id, byId.get(id - 1)));
    }

    @Override
    public synchronized List<String> subjects() {
        call();
        return List.copyOf(versions.keySet());
    }

    private void call() {
        calls.incrementAndGet();
        if (down) {
            throw new RegistryException("Schema registry at memory:// could not be reached: connection refused",
                    new java.net.ConnectException("connection refused"));
        }
    }
}
