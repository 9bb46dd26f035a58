package io.tributary.registry.server.store.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.schema.SchemaValidator;
import io.tributary.registry.server.store.RegistryState;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.StoredSchema;
import io.tributary.registry.server.store.SubjectVersion;

/**
 * A {@link SchemaStore} whose only durable state is the schema topic. Memory holds a view
 * rebuilt from the topic; registrations are serialised in this JVM (one writer), written to the
 * topic, and answered once the view shows them.
 */
public final class KafkaSchemaStore implements SchemaStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final RegistryState state = new RegistryState();
    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final SchemaValidator validator = new SchemaValidator();
    private final ReentrantLock writer = new ReentrantLock();
    private final String topic;
    private final KafkaSchemaLog log;

    public KafkaSchemaStore(KafkaClientSettings clients, SchemaLogSettings settings) {
        this.topic = settings.topic();
        this.log = new KafkaSchemaLog(clients, settings, this::apply);
    }

    /** Starts reading the topic in the background; see {@link #isReady()}. */
    public KafkaSchemaStore start() {
        log.start();
        return this;
    }

    @Override
    public int register(String subject, ParsedSchema schema) {
        writer.lock();
        try {
            // Another writer (a second instance) may have written since; ids must not collide.
            log.catchUp();
            Optional<SubjectVersion> existing = state.liveVersionHolding(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            int id = state.idOf(schema).orElseGet(state::nextId);
            int version = state.nextVersion(subject);
            SchemaLogKey key = SchemaLogKey.schema(subject, version);
            String schemaType = schema.type() == SchemaType.AVRO ? null : schema.type().name();
            SchemaLogValue value = new SchemaLogValue(subject, version, id, schemaType, schema.canonical(), false);
            long offset = log.append(codec.encodeKey(key), codec.encodeValue(value));
            LOG.info("Registered schema id {} as subject {} version {} ({} offset {})", id, subject, version, topic, offset);
            return id;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public StoredSchema schemaById(int id) {
        log.awaitCaughtUp();
        return state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    @Override
    public List<String> subjects() {
        log.awaitCaughtUp();
        return state.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        log.awaitCaughtUp();
        List<Integer> versions = state.liveVersions(subject);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    @Override
    public SubjectVersion version(String subject, int version) {
        log.awaitCaughtUp();
        requireSubject(subject);
        return state.liveVersion(subject, version).orElseThrow(() -> RegistryException.versionNotFound(subject, version));
    }

    @Override
    public SubjectVersion latest(String subject) {
        log.awaitCaughtUp();
        return state.latestLiveVersion(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }

    @Override
    public Optional<SubjectVersion> lookup(String subject, ParsedSchema schema) {
        log.awaitCaughtUp();
        requireSubject(subject);
        return state.liveVersionHolding(subject, schema);
    }

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

    private void requireSubject(String subject) {
        if (!state.hasLiveVersions(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
    }

    /** Applies one record of the topic; a record it cannot read is skipped, loudly, never fatal. */
    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            SchemaLogKey key = codec.decodeKey(record.key());
            if (!key.isSchema()) {
                // CONFIG, MODE, DELETE_SUBJECT, CLEAR_SUBJECT, NOOP: not handled by this version yet.
                LOG.debug("Ignoring {} record at {} offset {}", key.keytype(), topic, record.offset());
                return;
            }
            if (key.subject() == null || key.version() == null) {
                LOG.warn("Skipping SCHEMA record at {} offset {}: its key lacks subject or version", topic, record.offset());
                return;
            }
            if (record.value() == null) {
                state.removeVersion(key.subject(), key.version());
                return;
            }
            SchemaLogValue value = codec.decodeValue(record.value());
            if (value.id() == null) {
                LOG.warn("Skipping SCHEMA record at {} offset {}: its value has no id", topic, record.offset());
                return;
            }
            ParsedSchema schema;
            try {
                schema = validator.fromLog(value.schemaType(), value.schema());
            } catch (IllegalArgumentException e) {
                state.reserveId(value.id());
                LOG.warn("Skipping SCHEMA record at {} offset {} (id {} kept reserved): {}", topic, record.offset(),
                        value.id(), e.getMessage());
                return;
            }
            state.applySchema(key.subject(), key.version(), value.id(), schema, value.deleted());
        } catch (IOException e) {
            LOG.warn("Skipping unreadable record at {} offset {}: {}", topic, record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
