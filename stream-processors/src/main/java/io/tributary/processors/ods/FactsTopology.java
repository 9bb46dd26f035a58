package io.tributary.processors.ods;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.LookupTarget;
import io.tributary.registry.client.SchemaRegistry;

/**
 * Denormalised facts: an entity's ods topic as a table, left-joined by foreign key to the table of
 * another entity or reference dataset, mapped to the output's schema and written to
 * {@code <zone>.analytical.<name>} as a change log keyed like the entity. Kafka Streams' foreign-key
 * join re-emits a fact when either side changes (a department renamed updates every expense's fact).
 *
 * <pre>
 * &lt;zone&gt;.ods.&lt;entity&gt; (table) ─┐
 *                            ├─ left join on entity.key == joined key ─▶ map ─▶ &lt;zone&gt;.analytical.&lt;name&gt;
 * joined topic (table) ─────┘
 * </pre>
 */
public final class FactsTopology {
    private FactsTopology() {
    }

    /** @param joined the resolved join target, or null for an output without a join */
    public static Topology build(String zone, AnalyticalSpec spec, EntitySpec entity, LookupTarget joined, int schemaId,
            SchemaRegistry registry, OdsCounters counters) {
        FactMapping mapping = new FactMapping(zone, spec, entity, schemaId, registry, counters);
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, byte[]> entities = builder.table(entity.topic(zone).toString(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                store(spec.name() + "-entities"));
        KTable<String, byte[]> facts;
        if (joined == null) {
            facts = entities.mapValues(value -> mapping.fact(value, null), Named.as("facts-" + spec.name()), store(spec.name() + "-facts"));
        } else {
            KTable<String, byte[]> others = builder.table(joined.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                    store(spec.name() + "-joined"));
            Function<byte[], String> foreignKey = mapping::foreignKey;
            facts = entities.leftJoin(others, foreignKey, mapping::fact, store(spec.name() + "-facts"));
        }
        facts.toStream(Named.as("changes-" + spec.name()))
                .to(spec.topic(zone).toString(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static Materialized<String, byte[], KeyValueStore<Bytes, byte[]>> store(String name) {
        return Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray());
    }
}
