package io.tributary.registry.client.serde;

import org.apache.avro.generic.GenericRecord;

import io.tributary.registry.client.SchemaRegistry;

/** An {@link AvroSerde} of generic records. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {
    public GenericAvroSerde() {
    }

    public GenericAvroSerde(SchemaRegistry registry) {
        super(registry);
    }
}
