package io.tributary.registry.client.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;

/**
 * Writes values in Confluent's wire format, finding the schema id as configured: a fixed id
 * ({@code use.schema.id}), the subject's latest version ({@code use.latest.version}), the id
 * registration returns ({@code auto.register.schemas}, the default), or a look-up. Ids and
 * writers are cached, so a warm serialiser costs one map look-up more than plain Avro encoding
 * and keeps working through a registry outage.
 */
public final class AvroRecordSerializer {
    /** Per thread: a reusable buffer and the encoder bound to it. */
    private static final class Scratch {
        final ReusableOutput out = new ReusableOutput();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Where values of one schema go: its id, the schema to write with, and the writers for it (made on first use). */
    private static final class Target {
        final int id;
        final Schema schema;
        volatile DatumWriter<Object> generic;
        volatile DatumWriter<Object> specific;

        Target(int id, Schema schema) {
            this.id = id;
            this.schema = schema;
        }

        int id() {
            return id;
        }

        Schema schema() {
            return schema;
        }
    }

    private final SchemaRegistry registry;
    private final AvroSerdeConfig config;
    private final boolean isKey;
    private final GenericData genericModel;
    private final Map<ClassLoader, GeneratedClassData> specificModels = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Target>> targetsByTopic = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();

    public AvroRecordSerializer(SchemaRegistry registry, AvroSerdeConfig config, boolean isKey) {
        this.registry = registry;
        this.config = config;
        this.isKey = isKey;
        this.genericModel = AvroModels.generic(config.logicalTypeConverters());
    }

    /** Serialises a value whose schema is its own (a record) or that of its Java type. */
    public byte[] serialize(String topic, Object datum) {
        if (datum == null) {
            return null;
        }
        return serialize(topic, AvroDatumSchemas.schemaOf(datum), datum);
    }

    /** Serialises a value with the given schema (the Connect converter knows it beforehand). */
    public byte[] serialize(String topic, Schema schema, Object datum) {
        Target target = target(topic, schema);
        DatumWriter<Object> writer = writerFor(target, datum instanceof SpecificRecord ? datum.getClass() : null);
        int id = target.id();
        Scratch scratch = SCRATCH.get();
        ReusableOutput out = scratch.out;
        out.reset();
        out.writeHeader(id);
        try {
            writer.write(datum instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : datum, scratch.encoder);
            scratch.encoder.flush();
        } catch (IOException | RuntimeException e) {
            SCRATCH.remove(); // the encoder may hold half a record
            throw new SerializationException("Cannot serialise a " + datum.getClass().getSimpleName() + " for topic " + topic
                    + " with schema " + target.schema().getFullName() + " (id " + id + "): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private Target target(String topic, Schema schema) {
        if (config.useLatestVersion()) {
            // Not cached here: the registry client caches latest versions for latest.cache.ttl.sec.
            return resolve(topic, schema);
        }
        Map<Schema, Target> known = targetsByTopic.get(topic);
        if (known == null) {
            known = targetsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Target target = known.get(schema);
        if (target == null) {
            target = resolve(topic, schema);
            known.put(schema, target);
        }
        return target;
    }

    private Target resolve(String topic, Schema schema) {
        String subject = null;
        try {
            if (config.useSchemaId() >= 0) {
                return new Target(config.useSchemaId(), registry.schemaById(config.useSchemaId()));
            }
            subject = config.subjectNameStrategy().subject(topic, isKey, schema);
            if (config.useLatestVersion()) {
                String s = subject;
                SubjectVersion latest = registry.latest(subject).orElseThrow(() -> new SerializationException(
                        "use.latest.version is set but subject '" + s + "' has no version in the schema registry"));
                return new Target(latest.id(), latest.schema());
            }
            int id = config.autoRegister() ? registry.register(subject, schema) : registry.lookupId(subject, schema);
            return new Target(id, schema);
        } catch (RegistryException e) {
            String what = config.useSchemaId() >= 0 ? "fetch schema id " + config.useSchemaId()
                    : (config.autoRegister() && !config.useLatestVersion() ? "register" : "look up")
                            + " schema " + schema.getFullName() + " under subject '" + subject + "'";
            throw new SerializationException("Could not " + what + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** @param specificClass the generated class of the datum, or null for generic data */
    private DatumWriter<Object> writerFor(Target target, Class<?> specificClass) {
        if (specificClass != null) {
            DatumWriter<Object> writer = target.specific;
            if (writer == null) {
                writer = specificWriters.computeIfAbsent(target.schema(), s -> new SpecificDatumWriter<>(s, specificModels
                        .computeIfAbsent(specificClass.getClassLoader(), GeneratedClassData::new)));
                target.specific = writer;
            }
            return writer;
        }
        DatumWriter<Object> writer = target.generic;
        if (writer == null) {
            writer = genericWriters.computeIfAbsent(target.schema(), s -> new GenericDatumWriter<>(s, genericModel));
            target.generic = writer;
        }
        return writer;
    }
}
