package io.tributary.processors.ods;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import io.tributary.model.AggregateSpec;
import io.tributary.model.AnalyticalSpec;
import io.tributary.model.EntitySpec;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Windowed aggregates of an entity: its ods change log → {@link WindowedAggregate} → rows in
 * {@code <zone>.analytical.<name>}, keyed by group and window, updated (or deleted) whenever a
 * record of the window changes until the window closes.
 */
public final class AggregateTopology {
    private AggregateTopology() {
    }

    public static Topology build(String zone, AnalyticalSpec output, EntitySpec entity, int schemaId, SchemaRegistry registry,
            OdsCounters counters) {
        AggregateSpec spec = output.aggregate().orElseThrow();
        AggregateState state = new AggregateState(spec, entity.schema());
        WireDecoder decoder = new WireDecoder(registry, null);
        String contributions = output.name() + "-contributions";
        String rows = output.name() + "-rows";
        String source = "read-" + entity.topic(zone);
        String aggregate = "aggregate-" + output.name();
        Topology topology = new Topology();
        topology.addSource(source, new StringDeserializer(), new ByteArrayDeserializer(), entity.topic(zone).toString());
        topology.addProcessor(aggregate, () -> new WindowedAggregate(zone, output.name(), entity.name(), spec, output.schema(), schemaId,
                state, decoder, counters, contributions, rows), source);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(contributions), Serdes.Bytes(), Serdes.ByteArray()),
                aggregate);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(rows), Serdes.String(), Serdes.ByteArray()),
                aggregate);
        topology.addSink("write-" + output.topic(zone), output.topic(zone).toString(), new StringSerializer(), new ByteArraySerializer(),
                aggregate);
        return topology;
    }
}
