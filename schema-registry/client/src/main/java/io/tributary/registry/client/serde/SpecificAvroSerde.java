package io.tributary.registry.client.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import io.tributary.registry.client.SchemaRegistry;

/** An {@link AvroSerde} of generated classes: reads with {@code specific.avro.reader=true} whatever the configuration says. */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {
    public SpecificAvroSerde() {
    }

    public SpecificAvroSerde(SchemaRegistry registry) {
        super(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        super.configure(specific, isKey);
    }
}
