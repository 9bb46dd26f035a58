package io.tributary.registry.client.connect;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.serde.AvroDatumSchemas;
import io.tributary.registry.client.serde.AvroRecordDeserializer;
import io.tributary.registry.client.serde.AvroRecordSerializer;
import io.tributary.registry.client.serde.AvroSerdeConfig;
import io.tributary.registry.client.serde.RegistryClients;

/**
 * A Kafka Connect {@link Converter} between Connect data and Confluent wire-format Avro, so that
 * connector configurations can say
 * {@code value.converter=io.tributary.registry.client.connect.AvroConverter} and
 * {@code value.converter.schema.registry.url=http://...} (every serde setting of
 * {@link AvroSerdeConfig} works with the {@code key.converter.} / {@code value.converter.} prefix).
 */
public class AvroConverter implements Converter {
    private final SchemaRegistry given;
    private final ConnectToAvro toAvro = new ConnectToAvro();
    private final AvroToConnect toConnect = new AvroToConnect();
    private AvroRecordSerializer serializer;
    private AvroRecordDeserializer deserializer;

    /** Used by Connect, which configures it from the worker's or connector's properties. */
    public AvroConverter() {
        this(null);
    }

    public AvroConverter(SchemaRegistry registry) {
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
        deserializer = new AvroRecordDeserializer(registry, config);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        requireConfigured();
        try {
            if (value == null && (schema == null || schema.isOptional())) {
                return null;
            }
            if (schema == null) {
                // Schemaless data: primitives only, with the schema of their Java type.
                return serializer.serialize(topic, AvroDatumSchemas.schemaOf(value), value);
            }
            org.apache.avro.Schema avro = toAvro.schema(schema);
            return serializer.serialize(topic, avro, toAvro.value(schema, value, avro));
        } catch (SerializationException | ClassCastException e) {
            throw new DataException("Cannot convert a value of topic " + topic + " to Avro: " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        requireConfigured();
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            int id = deserializer.schemaId(topic, value);
            org.apache.avro.Schema writer = deserializer.writerSchema(topic, id);
            Object avro = deserializer.deserialize(topic, value, writer);
            Schema connect = toConnect.schema(writer);
            return new SchemaAndValue(connect, toConnect.value(writer, connect, avro));
        } catch (SerializationException | ClassCastException e) {
            throw new DataException("Cannot convert a record of topic " + topic + " from Avro: " + e.getMessage(), e);
        }
    }

    private void requireConfigured() {
        if (serializer == null) {
            throw new IllegalStateException("AvroConverter used before configure(); set schema.registry.url for it");
        }
    }
}
