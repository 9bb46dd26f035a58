package io.tributary.registry.client.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;

import io.tributary.registry.client.SchemaRegistry;

/**
 * A Kafka {@link Serializer} writing Avro values (generic records, specific records, primitives)
 * in Confluent's wire format, configured with Confluent's names:
 * {@code key.serializer=io.tributary.registry.client.serde.AvroSerializer},
 * {@code schema.registry.url=http://...}. See {@link AvroSerdeConfig} for every setting.
 */
public class AvroSerializer implements Serializer<Object> {
    private final SchemaRegistry given;
    private AvroRecordSerializer serializer;

    /** Used by Kafka, which configures it from the client's properties. */
    public AvroSerializer() {
        this(null);
    }

    /** With a registry client of the application's (then {@code schema.registry.url} may be left out). */
    public AvroSerializer(SchemaRegistry registry) {
        this.given = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> effective = new HashMap<>(configs);
        if (given != null) {
            effective.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://given-registry-client");
        }
        AvroSerdeConfig config = new AvroSerdeConfig(effective, isKey);
        SchemaRegistry registry = given != null ? RegistryClients.cached(given, config) : RegistryClients.create(config);
        serializer = new AvroRecordSerializer(registry, config, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (serializer == null) {
            throw new IllegalStateException("AvroSerializer used before configure(); set schema.registry.url in its configuration");
        }
        return serializer.serialize(topic, data);
    }
}
