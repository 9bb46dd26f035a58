package io.tributary.processors.ods;

import java.util.Collections;
import java.util.List;
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
 * Denormalised facts: an entity's ods topic as a table, left-joined by foreign keys to the tables
 * of other entities or reference datasets, mapped to the output's schema and written to
 * {@code <zone>.analytical.<name>} as a change log keyed like the entity. Kafka Streams'
 * foreign-key join re-emits a fact when either side changes (a department renamed updates every
 * expense's fact). Kafka Streams joins two tables at a time, so several joins are chained: each
 * carries the entity record and the records found so far ({@link JoinedValues}) to the next, and
 * the last one makes the fact.
 *
 * <pre>
 * &lt;zone&gt;.ods.&lt;entity&gt; (table) ─┐
 *                            ├─ left join on entity.key1 ─┐
 * first joined topic (table) ┘                            ├─ … ─ left join on entity.keyN ─▶ map ─▶ &lt;zone&gt;.analytical.&lt;name&gt;
 * next joined topic (table) ─────────────────────────────┘
 * </pre>
 */
public final class FactsTopology {
    private FactsTopology() {
    }

    /** @param joined the resolved targets of the output's joins, in their order (none for facts of the entity alone) */
    public static Topology build(String zone, AnalyticalSpec spec, EntitySpec entity, List<LookupTarget> joined, int schemaId,
            SchemaRegistry registry, OdsCounters counters) {
        FactMapping mapping = new FactMapping(zone, spec, entity, schemaId, registry, counters);
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, byte[]> entities = builder.table(entity.topic(zone).toString(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                store(spec.name() + "-entities"));
        KTable<String, byte[]> facts;
        if (joined.isEmpty()) {
            facts = entities.mapValues(value -> mapping.fact(value, List.of()), Named.as("facts-" + spec.name()), store(spec.name() + "-facts"));
        } else if (joined.size() == 1) {
            // One join makes the fact directly (the topology of outputs declared before joins could be several).
            KTable<String, byte[]> others = table(builder, joined.get(0), spec.name() + "-joined");
            facts = entities.leftJoin(others, value -> mapping.foreignKey(0, value),
                    (value, other) -> mapping.fact(value, Collections.singletonList(other)), store(spec.name() + "-facts"));
        } else {
            KTable<String, byte[]> first = table(builder, joined.get(0), spec.name() + "-joined");
            KTable<String, byte[]> partial = entities.leftJoin(first, value -> mapping.foreignKey(0, value), JoinedValues::of,
                    store(spec.name() + "-joined-values-1"));
            for (int i = 1; i < joined.size(); i++) {
                int join = i;
                KTable<String, byte[]> others = table(builder, joined.get(i), spec.name() + "-joined-" + (i + 1));
                Function<byte[], String> foreignKey = value -> mapping.foreignKey(join, JoinedValues.entity(value));
                if (i < joined.size() - 1) {
                    partial = partial.leftJoin(others, foreignKey, JoinedValues::append, store(spec.name() + "-joined-values-" + (i + 1)));
                } else {
                    partial = partial.leftJoin(others, foreignKey, (value, other) -> {
                        List<byte[]> parts = JoinedValues.decode(JoinedValues.append(value, other));
                        return mapping.fact(parts.get(0), parts.subList(1, parts.size()));
                    }, store(spec.name() + "-facts"));
                }
            }
            facts = partial;
        }
        facts.toStream(Named.as("changes-" + spec.name()))
                .to(spec.topic(zone).toString(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static KTable<String, byte[]> table(StreamsBuilder builder, LookupTarget target, String storeName) {
        return builder.table(target.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray()), store(storeName));
    }

    private static Materialized<String, byte[], KeyValueStore<Bytes, byte[]>> store(String name) {
        return Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray());
    }
}
