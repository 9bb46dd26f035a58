package io.tributary.registry.server.store.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON encoding of {@code _schemas} keys and values (Confluent's record layout). */
public final class SchemaLogCodec {
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
