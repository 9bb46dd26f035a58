package io.tributary.registry.client.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.WireFormatException;

/**
 * Reads Confluent wire-format bytes: the writer's schema comes from the registry by id (cached),
 * the reader's is the writer's (generic records) or the generated class's
 * ({@code specific.avro.reader=true}), so that Avro resolves differences between them.
 */
public final class AvroRecordDeserializer {
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private record ReaderKey(int writerId, Schema reader) {
    }

    private final SchemaRegistry registry;
    private final AvroSerdeConfig config;
    private final GenericData genericModel;
    private final GeneratedClassData specificModel;
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> specificSchemas = new ConcurrentHashMap<>();

    public AvroRecordDeserializer(SchemaRegistry registry, AvroSerdeConfig config) {
        this.registry = registry;
        this.config = config;
        this.genericModel = AvroModels.generic(config.logicalTypeConverters());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.specificModel = new GeneratedClassData(loader != null ? loader : AvroRecordDeserializer.class.getClassLoader());
    }

    /** A generic or specific record, or a Java value for a primitive schema; null for null bytes. */
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int id = schemaId(topic, bytes);
        Schema writer = writerSchema(topic, id);
        Schema reader = config.specificReader() ? specificSchema(topic, id, writer) : writer;
        return read(topic, bytes, id, writer, reader);
    }

    /** Reads the bytes into the shape of {@code reader} (the Connect converter reads into the writer's schema). */
    public Object deserialize(String topic, byte[] bytes, Schema reader) {
        int id = schemaId(topic, bytes);
        return read(topic, bytes, id, writerSchema(topic, id), reader);
    }

    /** The id in wire-format bytes. @throws SerializationException saying what is wrong with the bytes */
    public int schemaId(String topic, byte[] bytes) {
        try {
            return WireFormat.schemaId(bytes);
        } catch (WireFormatException e) {
            throw new SerializationException("Record of topic " + topic + " is not in the Confluent wire format: " + e.getMessage(), e);
        }
    }

    public Schema writerSchema(String topic, int id) {
        try {
            return registry.schemaById(id);
        } catch (RegistryException e) {
            throw new SerializationException("Could not fetch the writer's schema id " + id + " for a record of topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private Object read(String topic, byte[] bytes, int id, Schema writer, Schema reader) {
        DatumReader<Object> datumReader = readers.computeIfAbsent(new ReaderKey(id, reader), k -> reader == writer
                && !config.specificReader() ? new GenericDatumReader<>(writer, writer, genericModel)
                : config.specificReader() ? new SpecificDatumReader<>(writer, reader, specificModel)
                : new GenericDatumReader<>(writer, reader, genericModel));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
                bytes.length - WireFormat.HEADER_SIZE, DECODER.get());
        DECODER.set(decoder);
        Object value;
        try {
            value = datumReader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read the Avro body of a record of topic " + topic + " (" + (bytes.length
                    - WireFormat.HEADER_SIZE) + " bytes from offset " + WireFormat.HEADER_SIZE + ") with writer schema "
                    + writer.getFullName() + " (id " + id + "): " + e.getMessage(), e);
        }
        if (value instanceof Utf8 || value instanceof CharSequence && !(value instanceof String)) {
            return value.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return value;
    }

    private Schema specificSchema(String topic, int id, Schema writer) {
        return specificSchemas.computeIfAbsent(id, i -> {
            if (writer.getType() != Schema.Type.RECORD && writer.getType() != Schema.Type.ENUM
                    && writer.getType() != Schema.Type.FIXED) {
                return writer;
            }
            Class<?> type = specificModel.load(writer.getFullName()).orElse(null);
            if (type == null) {
                throw new SerializationException("specific.avro.reader=true but no generated class " + writer.getFullName()
                        + " is on the class path (schema id " + id + ", topic " + topic + ")");
            }
            return specificModel.getSchema(type);
        });
    }
}
