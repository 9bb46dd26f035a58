package io.tributary.registry.server.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import io.tributary.registry.server.schema.ParsedSchema;

/**
 * The registry's state in memory, rebuilt from the log record by record. It knows nothing of
 * Kafka: {@link #applySchema} and {@link #removeVersion} are called in log order by the reader,
 * everything else by request threads, hence the synchronisation.
 *
 * <p>Soft-deleted versions are kept (marked) so that version numbers are never reused, as in
 * Confluent's registry.
 */
public final class RegistryState {

    private record VersionEntry(int id, boolean deleted) {
    }

    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<ParsedSchema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, NavigableMap<Integer, VersionEntry>> subjects = new HashMap<>();
    private int maxId;

    /** Records that {@code subject} version {@code version} holds {@code schema} under {@code id}. */
    public synchronized void applySchema(String subject, int version, int id, ParsedSchema schema, boolean deleted) {
        schemasById.putIfAbsent(id, new StoredSchema(id, schema.type(), schema.canonical()));
        idsBySchema.putIfAbsent(schema, id);
        maxId = Math.max(maxId, id);
        subjects.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, new VersionEntry(id, deleted));
    }

    /**
     * Keeps {@code id} from being handed out again although its schema is not held here (a type
     * no registry version knows, written by another registry).
     */
    public synchronized void reserveId(int id) {
        maxId = Math.max(maxId, id);
    }

    /** A tombstone: the version is gone for good (a hard delete). The schema keeps its id. */
    public synchronized void removeVersion(String subject, int version) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions != null) {
            versions.remove(version);
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
        }
    }

    public synchronized Optional<Integer> idOf(ParsedSchema schema) {
        return Optional.ofNullable(idsBySchema.get(schema));
    }

    public synchronized int nextId() {
        return maxId + 1;
    }

    /** The version a new registration under {@code subject} gets; deleted versions count too. */
    public synchronized int nextVersion(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    public synchronized Optional<StoredSchema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    public synchronized List<String> subjects() {
        List<String> live = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (versions.values().stream().anyMatch(v -> !v.deleted())) {
                live.add(subject);
            }
        });
        live.sort(null);
        return live;
    }

    public synchronized boolean hasLiveVersions(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        return versions != null && versions.values().stream().anyMatch(v -> !v.deleted());
    }

    public synchronized List<Integer> liveVersions(String subject) {
        List<Integer> live = new ArrayList<>();
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions != null) {
            versions.forEach((version, entry) -> {
                if (!entry.deleted()) {
                    live.add(version);
                }
            });
        }
        return live;
    }

    public synchronized Optional<SubjectVersion> liveVersion(String subject, int version) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        VersionEntry entry = versions == null ? null : versions.get(version);
        if (entry == null || entry.deleted()) {
            return Optional.empty();
        }
        return Optional.of(toSubjectVersion(subject, version, entry));
    }

    public synchronized Optional<SubjectVersion> latestLiveVersion(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, VersionEntry> e : versions.descendingMap().entrySet()) {
            if (!e.getValue().deleted()) {
                return Optional.of(toSubjectVersion(subject, e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The live version of {@code subject} that holds {@code schema}, the earliest if several do. */
    public synchronized Optional<SubjectVersion> liveVersionHolding(String subject, ParsedSchema schema) {
        Integer id = idsBySchema.get(schema);
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (id == null || versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, VersionEntry> e : versions.entrySet()) {
            if (!e.getValue().deleted() && e.getValue().id() == id) {
                return Optional.of(toSubjectVersion(subject, e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    public synchronized int schemaCount() {
        return schemasById.size();
    }

    private SubjectVersion toSubjectVersion(String subject, int version, VersionEntry entry) {
        // Every version entry was added together with its schema, so the lookup cannot miss.
        StoredSchema schema = schemasById.get(entry.id());
        return new SubjectVersion(subject, version, entry.id(), schema.type(), schema.schema());
    }
}
