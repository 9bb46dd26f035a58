package io.tributary.registry.server.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.SchemaReference;

/**
 * The registry's state in memory, rebuilt from the log record by record. It knows nothing of
 * Kafka: {@link #apply} is called in log order by the reader, everything else by request
 * threads, hence the synchronisation.
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
    private final Map<String, CompatibilityLevel> subjectConfigs = new HashMap<>();
    private final Map<String, RegistryMode> subjectModes = new HashMap<>();
    private CompatibilityLevel globalConfig;
    private RegistryMode globalMode;
    private int maxId;

    /** Applies one record of the log. */
    public synchronized void apply(LogRecord record) {
        // Java 17: no pattern matching for switch yet.
        if (record instanceof LogRecord.SchemaVersion v) {
            applySchema(v.subject(), v.version(), v.id(), v.schema(), v.deleted());
        } else if (record instanceof LogRecord.VersionTombstone t) {
            removeVersion(t.subject(), t.version());
        } else if (record instanceof LogRecord.Config c) {
            if (c.subject() == null) {
                globalConfig = c.level();
            } else if (c.level() == null) {
                subjectConfigs.remove(c.subject());
            } else {
                subjectConfigs.put(c.subject(), c.level());
            }
        } else if (record instanceof LogRecord.Mode m) {
            if (m.subject() == null) {
                globalMode = m.mode();
            } else if (m.mode() == null) {
                subjectModes.remove(m.subject());
            } else {
                subjectModes.put(m.subject(), m.mode());
            }
        } else if (record instanceof LogRecord.SubjectDeleted d) {
            NavigableMap<Integer, VersionEntry> versions = subjects.get(d.subject());
            if (versions != null) {
                versions.replaceAll((version, entry) -> version <= d.upToVersion() ? new VersionEntry(entry.id(), true) : entry);
            }
        } else if (record instanceof LogRecord.SubjectCleared c) {
            NavigableMap<Integer, VersionEntry> versions = subjects.get(c.subject());
            if (versions != null) {
                versions.entrySet().removeIf(e -> e.getKey() <= c.upToVersion() && e.getValue().deleted());
                dropIfEmpty(c.subject());
            }
        } else if (record instanceof LogRecord.ReservedId r) {
            maxId = Math.max(maxId, r.id());
        }
    }

    /** Records that {@code subject} version {@code version} holds {@code schema} under {@code id}. */
    public synchronized void applySchema(String subject, int version, int id, ParsedSchema schema, boolean deleted) {
        schemasById.putIfAbsent(id, new StoredSchema(id, schema.type(), schema.canonical(), schema.references()));
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
            dropIfEmpty(subject);
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
        return subjects(false, "");
    }

    /** Subjects with a live version (or, with {@code includeDeleted}, with any version), sorted. */
    public synchronized List<String> subjects(boolean includeDeleted, String prefix) {
        List<String> found = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if ((includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) && subject.startsWith(prefix)) {
                found.add(subject);
            }
        });
        found.sort(null);
        return found;
    }

    public synchronized boolean hasLiveVersions(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        return versions != null && versions.values().stream().anyMatch(v -> !v.deleted());
    }

    /** True when the subject has any version, live or soft-deleted. */
    public synchronized boolean hasAnyVersion(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        return versions != null && !versions.isEmpty();
    }

    public synchronized List<Integer> liveVersions(String subject) {
        return versions(subject, false);
    }

    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        List<Integer> found = new ArrayList<>();
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions != null) {
            versions.forEach((version, entry) -> {
                if (includeDeleted || !entry.deleted()) {
                    found.add(version);
                }
            });
        }
        return found;
    }

    public synchronized Optional<SubjectVersion> liveVersion(String subject, int version) {
        return version(subject, version).filter(v -> !v.deleted());
    }

    /** The version, live or soft-deleted. */
    public synchronized Optional<SubjectVersion> version(String subject, int version) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        VersionEntry entry = versions == null ? null : versions.get(version);
        return entry == null ? Optional.empty() : Optional.of(toSubjectVersion(subject, version, entry));
    }

    public synchronized Optional<SubjectVersion> latestLiveVersion(String subject) {
        return latestVersion(subject, false);
    }

    public synchronized Optional<SubjectVersion> latestVersion(String subject, boolean includeDeleted) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, VersionEntry> e : versions.descendingMap().entrySet()) {
            if (includeDeleted || !e.getValue().deleted()) {
                return Optional.of(toSubjectVersion(subject, e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Live versions of the subject, oldest first. */
    public synchronized List<SubjectVersion> liveVersionsOf(String subject) {
        List<SubjectVersion> found = new ArrayList<>();
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions != null) {
            versions.forEach((version, entry) -> {
                if (!entry.deleted()) {
                    found.add(toSubjectVersion(subject, version, entry));
                }
            });
        }
        return found;
    }

    /** The live version of {@code subject} that holds {@code schema}, the earliest if several do. */
    public synchronized Optional<SubjectVersion> liveVersionHolding(String subject, ParsedSchema schema) {
        return versionHolding(subject, schema, false);
    }

    public synchronized Optional<SubjectVersion> versionHolding(String subject, ParsedSchema schema, boolean includeDeleted) {
        Integer id = idsBySchema.get(schema);
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (id == null || versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, VersionEntry> e : versions.entrySet()) {
            if ((includeDeleted || !e.getValue().deleted()) && e.getValue().id() == id) {
                return Optional.of(toSubjectVersion(subject, e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Every version (of any subject) holding schema {@code id}, sorted by subject and version. */
    public synchronized List<VersionRef> versionsOfId(int id, boolean includeDeleted) {
        List<VersionRef> found = new ArrayList<>();
        new TreeMap<>(subjects).forEach((subject, versions) -> versions.forEach((version, entry) -> {
            if (entry.id() == id && (includeDeleted || !entry.deleted())) {
                found.add(new VersionRef(subject, version));
            }
        }));
        return found;
    }

    /** Ids of the schemas, held by live versions, that reference {@code subject} version {@code version}. */
    public synchronized List<Integer> referencedBy(String subject, int version) {
        TreeSet<Integer> ids = new TreeSet<>();
        subjects.values().forEach(versions -> versions.values().forEach(entry -> {
            if (!entry.deleted()) {
                for (SchemaReference ref : schemasById.get(entry.id()).references()) {
                    if (ref.subject().equals(subject) && ref.version() == version) {
                        ids.add(entry.id());
                    }
                }
            }
        }));
        return new ArrayList<>(ids);
    }

    public synchronized Optional<CompatibilityLevel> subjectConfig(String subject) {
        return Optional.ofNullable(subjectConfigs.get(subject));
    }

    public synchronized Optional<CompatibilityLevel> globalConfig() {
        return Optional.ofNullable(globalConfig);
    }

    /** The level that applies to {@code subject}: its own, else the global one, else BACKWARD. */
    public synchronized CompatibilityLevel effectiveConfig(String subject) {
        CompatibilityLevel own = subjectConfigs.get(subject);
        if (own != null) {
            return own;
        }
        return globalConfig != null ? globalConfig : CompatibilityLevel.DEFAULT;
    }

    public synchronized Optional<RegistryMode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    public synchronized Optional<RegistryMode> globalMode() {
        return Optional.ofNullable(globalMode);
    }

    /** The mode that applies to {@code subject}: its own, else the global one, else READWRITE. */
    public synchronized RegistryMode effectiveMode(String subject) {
        RegistryMode own = subject == null ? null : subjectModes.get(subject);
        if (own != null) {
            return own;
        }
        return globalMode != null ? globalMode : RegistryMode.DEFAULT;
    }

    public synchronized int schemaCount() {
        return schemasById.size();
    }

    private void dropIfEmpty(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions != null && versions.isEmpty()) {
            subjects.remove(subject);
        }
    }

    private SubjectVersion toSubjectVersion(String subject, int version, VersionEntry entry) {
        // Every version entry was added together with its schema, so the lookup cannot miss.
        StoredSchema schema = schemasById.get(entry.id());
        return new SubjectVersion(subject, version, entry.id(), schema.type(), schema.schema(), schema.references(),
                entry.deleted());
    }
}
