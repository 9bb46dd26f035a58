package io.tributary.registry.server.store.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.schema.SchemaValidator;
import io.tributary.registry.server.store.LogRecord;

/**
 * Encodes {@link LogRecord}s as {@code _schemas} records in Confluent's layout (JSON key and
 * value; a null value is a tombstone) and decodes what Confluent's registry or this one wrote.
 */
public final class SchemaLogCodec {
    /** A key and value ready for the topic; {@code value} is null for a tombstone. */
    public record Encoded(byte[] key, byte[] value) {
    }

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final SchemaValidator validator = new SchemaValidator();

    public Encoded encode(LogRecord record) {
        if (record instanceof LogRecord.SchemaVersion v) {
            String type = v.schema().type() == SchemaType.AVRO ? null : v.schema().type().name();
            return new Encoded(encodeKey(SchemaLogKey.schema(v.subject(), v.version())), encodeValue(new SchemaLogValue(
                    v.subject(), v.version(), v.id(), type, v.schema().references(), v.schema().canonical(), v.deleted())));
        }
        if (record instanceof LogRecord.VersionTombstone t) {
            return new Encoded(encodeKey(SchemaLogKey.schema(t.subject(), t.version())), null);
        }
        if (record instanceof LogRecord.Config c) {
            byte[] value = c.level() == null ? null : write(json.createObjectNode().put("compatibilityLevel", c.level().name()));
            return new Encoded(write(SchemaLogKey.config(c.subject())), value);
        }
        if (record instanceof LogRecord.Mode m) {
            byte[] value = m.mode() == null ? null : write(json.createObjectNode().put("mode", m.mode().name()));
            return new Encoded(write(SchemaLogKey.mode(m.subject())), value);
        }
        throw new IllegalArgumentException("This registry does not write " + record.getClass().getSimpleName() + " records");
    }

    /**
     * The change a record stands for; empty for records that change nothing here (NOOP, unknown
     * key types, settings this registry does not know).
     *
     * @throws IOException when the bytes are not a readable key or value
     */
    public Optional<LogRecord> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
        SchemaLogKey key = decodeKey(keyBytes);
        String type = key.keytype() == null ? "" : key.keytype();
        switch (type) {
            case SchemaLogKey.SCHEMA:
                return decodeSchema(key, valueBytes);
            case SchemaLogKey.CONFIG: {
                if (valueBytes == null) {
                    return Optional.of(new LogRecord.Config(key.subject(), null));
                }
                String level = json.readTree(valueBytes).path("compatibilityLevel").asText(null);
                return Optional.of(new LogRecord.Config(key.subject(), CompatibilityLevel.parse(level).orElse(null)));
            }
            case SchemaLogKey.MODE: {
                if (valueBytes == null) {
                    return Optional.of(new LogRecord.Mode(key.subject(), null));
                }
                String mode = json.readTree(valueBytes).path("mode").asText(null);
                return Optional.of(new LogRecord.Mode(key.subject(), RegistryMode.parse(mode).orElse(null)));
            }
            case SchemaLogKey.DELETE_SUBJECT: {
                if (valueBytes == null || key.subject() == null) {
                    return Optional.empty();
                }
                JsonNode value = json.readTree(valueBytes);
                return Optional.of(new LogRecord.SubjectDeleted(key.subject(), value.path("version").asInt(Integer.MAX_VALUE)));
            }
            case SchemaLogKey.CLEAR_SUBJECT: {
                if (valueBytes == null || key.subject() == null) {
                    return Optional.empty();
                }
                JsonNode value = json.readTree(valueBytes);
                return Optional.of(new LogRecord.SubjectCleared(key.subject(), value.path("version").asInt(Integer.MAX_VALUE)));
            }
            default:
                return Optional.empty();
        }
    }

    private Optional<LogRecord> decodeSchema(SchemaLogKey key, byte[] valueBytes) throws IOException {
        if (key.subject() == null || key.version() == null) {
            throw new IOException("its SCHEMA key lacks subject or version");
        }
        if (valueBytes == null) {
            return Optional.of(new LogRecord.VersionTombstone(key.subject(), key.version()));
        }
        SchemaLogValue value = decodeValue(valueBytes);
        if (value.id() == null) {
            throw new IOException("its SCHEMA value has no id");
        }
        List<SchemaReference> references = value.references() == null ? List.of() : value.references();
        ParsedSchema schema;
        try {
            schema = validator.fromLog(value.schemaType(), value.schema(), references);
        } catch (IllegalArgumentException e) {
            return Optional.of(new LogRecord.ReservedId(value.id()));
        }
        return Optional.of(new LogRecord.SchemaVersion(key.subject(), key.version(), value.id(), schema, value.deleted()));
    }

    public byte[] encodeKey(SchemaLogKey key) {
        return write(key);
    }

    public byte[] encodeValue(SchemaLogValue value) {
        return write(value);
    }

    /** @throws IOException when the bytes are not a JSON key object */
    public SchemaLogKey decodeKey(byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IOException("the record has no key");
        }
        return json.readValue(bytes, SchemaLogKey.class);
    }

    /** @throws IOException when the bytes are not a JSON value object */
    public SchemaLogValue decodeValue(byte[] bytes) throws IOException {
        return json.readValue(bytes, SchemaLogValue.class);
    }

    private byte[] write(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
