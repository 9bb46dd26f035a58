package io.tributary.registry.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.CompatibilityChecker;
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.ResolvedAvroSchema;

/**
 * Decides what a write means given the current state: which records to append to the log and
 * what to answer, or which Confluent error to raise. Knows nothing of Kafka; the store runs it
 * under its writer lock, after catching up with the log, so that its view is complete.
 */
public final class WritePlanner {

    /** The records to append (possibly none) and the answer once they are durable. */
    public record Plan<T>(List<LogRecord> records, T result) {
        public Plan {
            records = List.copyOf(records);
        }
    }

    private final RegistryState state;
    private final SchemaResolver resolver;
    private final CompatibilityChecker checker = new CompatibilityChecker();

    public WritePlanner(RegistryState state, SchemaResolver resolver) {
        this.state = state;
        this.resolver = resolver;
    }

    public Plan<Integer> register(Registration registration) {
        String subject = registration.subject();
        RegistryMode mode = state.effectiveMode(subject);
        if (mode == RegistryMode.READONLY) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is in read-only mode.");
        }
        boolean importing = registration.id() != null && registration.id() >= 0
                || registration.version() != null && registration.version() > 0;
        if (importing && mode != RegistryMode.IMPORT) {
            throw RegistryException.notPermitted("Registering with a given 'id' or 'version' needs IMPORT mode; subject '"
                    + subject + "' is in " + mode + " mode.");
        }
        ResolvedAvroSchema candidate = resolver.resolve(registration.schema());
        ParsedSchema schema = candidate.parsed();
        if (mode == RegistryMode.IMPORT) {
            return importSchema(registration, schema);
        }
        Optional<SubjectVersion> existing = state.liveVersionHolding(subject, schema);
        if (existing.isPresent()) {
            return new Plan<>(List.of(), existing.get().id());
        }
        List<String> problems = check(subject, state.effectiveConfig(subject), candidate.avro(), state.liveVersionsOf(subject));
        if (!problems.isEmpty()) {
            throw new RegistryException(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an"
                    + " earlier schema for subject \"" + subject + "\", details: " + problems);
        }
        int id = state.idOf(schema).orElseGet(state::nextId);
        int version = state.nextVersion(subject);
        return new Plan<>(List.of(new LogRecord.SchemaVersion(subject, version, id, schema, false)), id);
    }

    private Plan<Integer> importSchema(Registration registration, ParsedSchema schema) {
        String subject = registration.subject();
        Optional<Integer> knownId = state.idOf(schema);
        int id;
        if (registration.id() != null && registration.id() >= 0) {
            id = registration.id();
            Optional<StoredSchema> holder = state.schemaById(id);
            if (holder.isPresent() && !sameSchema(holder.get(), schema)) {
                throw new RegistryException(ErrorCode.ID_DOES_NOT_MATCH, "Id " + id
                        + " is already used by another schema; a schema cannot be imported under it.");
            }
            if (knownId.isPresent() && knownId.get() != id) {
                throw new RegistryException(ErrorCode.ID_DOES_NOT_MATCH, "This schema is already registered with id "
                        + knownId.get() + ", not " + id + ".");
            }
        } else {
            id = knownId.orElseGet(state::nextId);
        }
        int version = registration.version() != null && registration.version() > 0
                ? registration.version() : state.nextVersion(subject);
        Optional<SubjectVersion> taken = state.version(subject, version);
        if (taken.isPresent()) {
            if (taken.get().id() == id) {
                return new Plan<>(List.of(), id);
            }
            throw RegistryException.notPermitted("Subject '" + subject + "' already has a version " + version
                    + " (schema id " + taken.get().id() + "); it cannot be overwritten by an import.");
        }
        return new Plan<>(List.of(new LogRecord.SchemaVersion(subject, version, id, schema, false)), id);
    }

    private static boolean sameSchema(StoredSchema stored, ParsedSchema schema) {
        return stored.type() == schema.type() && stored.schema().equals(schema.canonical())
                && stored.references().equals(schema.references());
    }

    /** What registration would check: against the latest live version, or all of them when transitive. */
    public List<String> check(String subject, CompatibilityLevel level, Schema candidate, List<SubjectVersion> against) {
        List<CompatibilityChecker.Previous> previous = new ArrayList<>();
        for (SubjectVersion version : against) {
            resolver.avroOf(version).ifPresent(s -> previous.add(new CompatibilityChecker.Previous(version.version(), s)));
        }
        return checker.check(level, candidate, previous);
    }

    public Plan<List<Integer>> deleteSubject(String subject, boolean permanent) {
        requireWritable(subject);
        if (!state.hasAnyVersion(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<LogRecord> records = new ArrayList<>();
        List<Integer> deleted = new ArrayList<>();
        if (permanent) {
            if (state.hasLiveVersions(subject)) {
                throw new RegistryException(ErrorCode.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                        + "' was not deleted first before being permanently deleted.");
            }
            for (int version : state.versions(subject, true)) {
                records.add(new LogRecord.VersionTombstone(subject, version));
                deleted.add(version);
            }
            // Confluent drops a subject's own settings with it.
            state.subjectConfig(subject).ifPresent(c -> records.add(new LogRecord.Config(subject, null)));
            state.subjectMode(subject).ifPresent(m -> records.add(new LogRecord.Mode(subject, null)));
            return new Plan<>(records, deleted);
        }
        if (!state.hasLiveVersions(subject)) {
            throw new RegistryException(ErrorCode.SUBJECT_SOFT_DELETED, "Subject '" + subject
                    + "' was soft deleted. Set permanent=true to delete permanently.");
        }
        for (SubjectVersion version : state.liveVersionsOf(subject)) {
            requireNotReferenced(version);
            records.add(softDeleted(version));
            deleted.add(version.version());
        }
        return new Plan<>(records, deleted);
    }

    public Plan<Integer> deleteVersion(String subject, int version, boolean permanent) {
        requireWritable(subject);
        if (!state.hasAnyVersion(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        Optional<SubjectVersion> found = version == SchemaStore.LATEST
                ? state.latestVersion(subject, permanent)
                : state.version(subject, version);
        SubjectVersion target = found.orElseThrow(() -> RegistryException.versionNotFound(subject, version));
        if (permanent) {
            if (!target.deleted()) {
                throw new RegistryException(ErrorCode.VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' version "
                        + target.version() + " was not deleted first before being permanently deleted.");
            }
            return new Plan<>(List.of(new LogRecord.VersionTombstone(subject, target.version())), target.version());
        }
        if (target.deleted()) {
            throw new RegistryException(ErrorCode.VERSION_SOFT_DELETED, "Subject '" + subject + "' version "
                    + target.version() + " was soft deleted. Set permanent=true to delete permanently.");
        }
        requireNotReferenced(target);
        return new Plan<>(List.of(softDeleted(target)), target.version());
    }

    public Plan<CompatibilityLevel> setConfig(String subject, CompatibilityLevel level) {
        return new Plan<>(List.of(new LogRecord.Config(subject, level)), level);
    }

    public Plan<CompatibilityLevel> deleteConfig(String subject) {
        if (subject == null) {
            CompatibilityLevel previous = state.globalConfig().orElse(CompatibilityLevel.DEFAULT);
            return new Plan<>(List.of(new LogRecord.Config(null, null)), previous);
        }
        CompatibilityLevel previous = state.subjectConfig(subject).orElseThrow(() -> new RegistryException(
                ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured."));
        return new Plan<>(List.of(new LogRecord.Config(subject, null)), previous);
    }

    public Plan<RegistryMode> setMode(String subject, RegistryMode mode, boolean force) {
        if (mode == RegistryMode.IMPORT && !force) {
            boolean hasSchemas = subject == null ? !state.subjects().isEmpty() : state.hasLiveVersions(subject);
            if (hasSchemas) {
                throw RegistryException.notPermitted("Cannot switch " + (subject == null ? "the registry" : "subject '"
                        + subject + "'") + " to IMPORT mode: it already holds schemas whose ids could collide."
                        + " Set force=true to do it anyway.");
            }
        }
        return new Plan<>(List.of(new LogRecord.Mode(subject, mode)), mode);
    }

    public Plan<RegistryMode> deleteMode(String subject) {
        RegistryMode previous = state.subjectMode(subject).orElseThrow(() -> new RegistryException(
                ErrorCode.SUBJECT_MODE_NOT_CONFIGURED, "Subject '" + subject + "' does not have subject-level mode configured."));
        return new Plan<>(List.of(new LogRecord.Mode(subject, null)), previous);
    }

    private void requireWritable(String subject) {
        if (state.effectiveMode(subject) == RegistryMode.READONLY) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is in read-only mode.");
        }
    }

    private void requireNotReferenced(SubjectVersion version) {
        List<Integer> referrers = state.referencedBy(version.subject(), version.version());
        if (!referrers.isEmpty()) {
            throw new RegistryException(ErrorCode.REFERENCE_EXISTS, "Subject '" + version.subject() + "' version "
                    + version.version() + " is referenced by schema ids " + referrers + "; delete those first.");
        }
    }

    private static LogRecord softDeleted(SubjectVersion version) {
        return new LogRecord.SchemaVersion(version.subject(), version.version(), version.id(),
                new ParsedSchema(version.type(), version.schema(), version.references()), true);
    }
}
