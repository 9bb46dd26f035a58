package io.tributary.registry.client.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.tributary.registry.client.SchemaRegistry;

/**
 * A Kafka Streams {@link Serde} over {@link AvroSerializer} and {@link AvroDeserializer}, e.g.
 * {@code default.value.serde=io.tributary.registry.client.serde.GenericAvroSerde} with
 * {@code schema.registry.url} in the Streams configuration, or constructed and configured in code.
 */
public class AvroSerde<T> implements Serde<T> {
    private final AvroSerializer serializer;
    private final AvroDeserializer deserializer;

    public AvroSerde() {
        this(null);
    }

    public AvroSerde(SchemaRegistry registry) {
        this.serializer = new AvroSerializer(registry);
        this.deserializer = new AvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        return (topic, data) -> serializer.serialize(topic, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (topic, data) -> (T) deserializer.deserialize(topic, data);
    }
}
