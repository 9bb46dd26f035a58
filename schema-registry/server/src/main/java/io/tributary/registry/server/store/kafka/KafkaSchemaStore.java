package io.tributary.registry.server.store.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.leader.Leadership;
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.ResolvedAvroSchema;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.schema.SchemaValidator;
import io.tributary.registry.server.store.CompatibilityReport;
import io.tributary.registry.server.store.LogRecord;
import io.tributary.registry.server.store.Registration;
import io.tributary.registry.server.store.RegistryState;
import io.tributary.registry.server.store.SchemaInput;
import io.tributary.registry.server.store.SchemaResolver;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.StoredSchema;
import io.tributary.registry.server.store.SubjectVersion;
import io.tributary.registry.server.store.VersionRef;
import io.tributary.registry.server.store.WritePlanner;

/**
 * A {@link SchemaStore} whose only durable state is the schema topic. Memory holds a view
 * rebuilt from the topic. Writes happen only on the elected leader, one at a time: the writer
 * fences earlier writers, catches up with the topic, plans the change against a complete view,
 * appends it in one transaction and answers once the view shows it.
 */
public final class KafkaSchemaStore implements SchemaStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final RegistryState state = new RegistryState();
    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final SchemaResolver resolver;
    private final WritePlanner planner;
    private final ReentrantLock writer = new ReentrantLock();
    private final String topic;
    private final KafkaSchemaLog log;
    private final Leadership leadership;

    /** A store that is always the writer: a single instance, or tests. */
    public KafkaSchemaStore(KafkaClientSettings clients, SchemaLogSettings settings) {
        this(clients, settings, Leadership.always("http://localhost"), new SchemaValidator());
    }

    public KafkaSchemaStore(KafkaClientSettings clients, SchemaLogSettings settings, Leadership leadership,
            SchemaValidator validator) {
        this.topic = settings.topic();
        this.leadership = leadership;
        this.resolver = new SchemaResolver(state, validator);
        this.planner = new WritePlanner(state, resolver);
        this.log = new KafkaSchemaLog(clients, settings, this::apply);
    }

    /** Starts reading the topic in the background; see {@link #isReady()}. */
    public KafkaSchemaStore start() {
        log.start();
        return this;
    }

    // ---- writes ----

    @Override
    public int register(Registration registration) {
        return write(p -> p.register(registration), "register a schema under subject '" + registration.subject() + "'");
    }

    @Override
    public int register(String subject, ParsedSchema schema) {
        return register(Registration.of(subject, new SchemaInput(schema.type().name(), schema.canonical(),
                schema.references(), false)));
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return write(p -> p.deleteSubject(subject, permanent), "delete subject '" + subject + "'");
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        return write(p -> p.deleteVersion(subject, version, permanent), "delete a version of subject '" + subject + "'");
    }

    @Override
    public CompatibilityLevel setConfig(String subject, CompatibilityLevel level) {
        return write(p -> p.setConfig(subject, level), "change the compatibility level");
    }

    @Override
    public CompatibilityLevel deleteConfig(String subject) {
        return write(p -> p.deleteConfig(subject), "remove the compatibility level");
    }

    @Override
    public RegistryMode setMode(String subject, RegistryMode mode, boolean force) {
        return write(p -> p.setMode(subject, mode, force), "change the mode");
    }

    @Override
    public RegistryMode deleteMode(String subject) {
        return write(p -> p.deleteMode(subject), "remove the mode");
    }

    private <T> T write(Function<WritePlanner, WritePlanner.Plan<T>> change, String what) {
        if (!leadership.isLeader()) {
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "Cannot " + what + ": this instance is not the leader"
                    + leadership.leaderUrl().map(u -> " (the leader is " + u + ")").orElse(" and no leader is known yet") + ".");
        }
        writer.lock();
        try {
            log.becomeWriter(leadership.term());
            // Another writer may have written before it was fenced; the plan must see all of it.
            log.catchUp();
            WritePlanner.Plan<T> plan = change.apply(planner);
            if (!plan.records().isEmpty()) {
                List<SchemaLogCodec.Encoded> encoded = new ArrayList<>();
                plan.records().forEach(r -> encoded.add(codec.encode(r)));
                long offset = log.append(encoded);
                LOG.info("{}: wrote {} ({} offset {})", capitalised(what), describe(plan.records()), topic, offset);
            }
            return plan.result();
        } finally {
            writer.unlock();
        }
    }

    // ---- reads ----

    @Override
    public StoredSchema schemaById(int id) {
        log.awaitCaughtUp();
        return state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    @Override
    public List<String> subjects() {
        return subjects(false, "");
    }

    @Override
    public List<String> subjects(boolean deleted, String prefix) {
        log.awaitCaughtUp();
        return state.subjects(deleted, prefix == null ? "" : prefix);
    }

    @Override
    public List<Integer> versions(String subject) {
        return versions(subject, false);
    }

    @Override
    public List<Integer> versions(String subject, boolean deleted) {
        log.awaitCaughtUp();
        List<Integer> versions = state.versions(subject, deleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    @Override
    public SubjectVersion version(String subject, int version) {
        return version(subject, version, false);
    }

    @Override
    public SubjectVersion version(String subject, int version, boolean deleted) {
        log.awaitCaughtUp();
        if (deleted ? !state.hasAnyVersion(subject) : !state.hasLiveVersions(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        Optional<SubjectVersion> found = version == LATEST
                ? state.latestVersion(subject, deleted)
                : state.version(subject, version).filter(v -> deleted || !v.deleted());
        return found.orElseThrow(() -> RegistryException.versionNotFound(subject, version));
    }

    @Override
    public SubjectVersion latest(String subject) {
        log.awaitCaughtUp();
        return state.latestLiveVersion(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }

    @Override
    public Optional<SubjectVersion> lookup(String subject, ParsedSchema schema) {
        log.awaitCaughtUp();
        requireSubject(subject, false);
        return state.liveVersionHolding(subject, schema);
    }

    @Override
    public Optional<SubjectVersion> lookup(String subject, SchemaInput schema, boolean deleted) {
        log.awaitCaughtUp();
        requireSubject(subject, deleted);
        ResolvedAvroSchema resolved = resolver.resolve(schema);
        return state.versionHolding(subject, resolved.parsed(), deleted);
    }

    @Override
    public List<VersionRef> versionsOfId(int id, boolean deleted) {
        log.awaitCaughtUp();
        if (state.schemaById(id).isEmpty()) {
            throw RegistryException.schemaNotFound(id);
        }
        return state.versionsOfId(id, deleted);
    }

    @Override
    public List<Integer> referencedBy(String subject, int version) {
        SubjectVersion target = version(subject, version, false);
        return state.referencedBy(subject, target.version());
    }

    @Override
    public CompatibilityReport checkCompatibility(String subject, Integer version, SchemaInput schema) {
        log.awaitCaughtUp();
        ResolvedAvroSchema candidate = resolver.resolve(schema);
        CompatibilityLevel level = state.effectiveConfig(subject);
        List<SubjectVersion> against;
        if (version == null) {
            against = state.liveVersionsOf(subject);
        } else if (version == LATEST) {
            // Nothing registered yet: anything is compatible with nothing, as Confluent answers.
            against = state.latestLiveVersion(subject).map(List::of).orElse(List.of());
            level = nonTransitive(level);
        } else {
            against = List.of(version(subject, version, false));
            level = nonTransitive(level);
        }
        return CompatibilityReport.of(planner.check(subject, level, candidate.avro(), against));
    }

    @Override
    public Optional<CompatibilityLevel> subjectConfig(String subject) {
        log.awaitCaughtUp();
        return state.subjectConfig(subject);
    }

    @Override
    public CompatibilityLevel globalConfig() {
        log.awaitCaughtUp();
        return state.globalConfig().orElse(CompatibilityLevel.DEFAULT);
    }

    @Override
    public Optional<RegistryMode> subjectMode(String subject) {
        log.awaitCaughtUp();
        return state.subjectMode(subject);
    }

    @Override
    public RegistryMode globalMode() {
        log.awaitCaughtUp();
        return state.globalMode().orElse(RegistryMode.DEFAULT);
    }

    // ---- health ----

    @Override
    public boolean isReady() {
        return log.isCaughtUp() && log.isAlive();
    }

    @Override
    public boolean isAlive() {
        return log.isAlive();
    }

    @Override
    public Optional<String> problem() {
        return log.problem();
    }

    @Override
    public int schemaCount() {
        return state.schemaCount();
    }

    /** Stops writing: leadership moved elsewhere. The next write (if leader again) starts a new writer. */
    public void stopWriting() {
        writer.lock();
        try {
            log.closeProducer();
        } finally {
            writer.unlock();
        }
    }

    private void requireSubject(String subject, boolean deleted) {
        if (deleted ? !state.hasAnyVersion(subject) : !state.hasLiveVersions(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
    }

    /** A single named version is checked in the level's directions only, never transitively. */
    private static CompatibilityLevel nonTransitive(CompatibilityLevel level) {
        switch (level) {
            case BACKWARD_TRANSITIVE:
                return CompatibilityLevel.BACKWARD;
            case FORWARD_TRANSITIVE:
                return CompatibilityLevel.FORWARD;
            case FULL_TRANSITIVE:
                return CompatibilityLevel.FULL;
            default:
                return level;
        }
    }

    /** Applies one record of the topic; a record it cannot read is skipped, loudly, never fatal. */
    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<LogRecord> change = codec.decode(record.key(), record.value());
            if (change.isEmpty()) {
                LOG.debug("Nothing to apply from the record at {} offset {}", topic, record.offset());
                return;
            }
            if (change.get() instanceof LogRecord.ReservedId reserved) {
                LOG.warn("Schema id {} at {} offset {} is of a type this registry cannot read; the id stays reserved",
                        reserved.id(), topic, record.offset());
            }
            state.apply(change.get());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable record at {} offset {}: {}", topic, record.offset(), e.getMessage());
        }
    }

    private static String describe(List<LogRecord> records) {
        if (records.size() == 1) {
            return describe(records.get(0));
        }
        return records.size() + " records (" + describe(records.get(0)) + ", ...)";
    }

    private static String describe(LogRecord record) {
        if (record instanceof LogRecord.SchemaVersion v) {
            return (v.deleted() ? "soft delete of " : "schema id " + v.id() + " as ") + "subject " + v.subject()
                    + " version " + v.version() + (v.schema().type() == SchemaType.AVRO ? "" : " (" + v.schema().type() + ")");
        }
        if (record instanceof LogRecord.VersionTombstone t) {
            return "permanent delete of subject " + t.subject() + " version " + t.version();
        }
        if (record instanceof LogRecord.Config c) {
            return "compatibility " + (c.level() == null ? "removed" : c.level()) + " for "
                    + (c.subject() == null ? "the registry" : "subject " + c.subject());
        }
        if (record instanceof LogRecord.Mode m) {
            return "mode " + (m.mode() == null ? "removed" : m.mode()) + " for "
                    + (m.subject() == null ? "the registry" : "subject " + m.subject());
        }
        return record.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public void close() {
        log.close();
    }
}
