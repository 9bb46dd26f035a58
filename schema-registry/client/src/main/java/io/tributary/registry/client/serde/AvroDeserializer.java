package io.tributary.registry.client.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;

import io.tributary.registry.client.SchemaRegistry;

/**
 * A Kafka {@link Deserializer} reading Confluent wire-format Avro: generic records by default,
 * generated classes with {@code specific.avro.reader=true}. Reads what Confluent's serialisers,
 * ours, or any other client speaking the wire format wrote.
 */
public class AvroDeserializer implements Deserializer<Object> {
    private final SchemaRegistry given;
    private AvroRecordDeserializer deserializer;

    /** Used by Kafka, which configures it from the client's properties. */
    public AvroDeserializer() {
        this(null);
    }

    /** With a registry client of the application's (then {@code schema.registry.url} may be left out). */
    public AvroDeserializer(SchemaRegistry registry) {
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
        deserializer = new AvroRecordDeserializer(registry, config);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (deserializer == null) {
            throw new IllegalStateException("AvroDeserializer used before configure(); set schema.registry.url in its configuration");
        }
        return deserializer.deserialize(topic, data);
    }
}
