package io.tributary.processors.ods;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.registry.client.SchemaRegistry;

/**
 * The two Kafka Streams topologies of a zone's ods, both reading and writing bytes:
 *
 * <pre>
 * mapping, one per staging dataset that feeds entities (its own application, so a steward hold pauses it alone):
 *   &lt;zone&gt;.staging.&lt;dataset&gt; → map (lookups in global stores of reference data) → &lt;zone&gt;.ods.&lt;entity&gt;.mapped (key: business key)
 *                                                                       ↘ &lt;zone&gt;.rejected.&lt;dataset&gt;
 * upsert, one per entity with several sources (they meet here):
 *   &lt;zone&gt;.ods.&lt;entity&gt;.mapped → keep newer versions only (store: key → latest version) → &lt;zone&gt;.ods.&lt;entity&gt; (compacted)
 * </pre>
 * An entity with a single source has its upsert in that source's mapping application instead
 * (map → upsert → ods): one hop, with the same hold and version semantics.
 */
public final class OdsTopology {
    static final String REJECTED_SINK = "write-rejected";
    /** How long a task may take to read an ods topic when it rebuilds its versions. */
    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    /** One entity a dataset feeds: the compiled mapping and the id of the entity schema in the registry. */
    public record Target(EntityMapping mapping, int schemaId) {
    }

    private OdsTopology() {
    }

    static String mappedSink(String entity) {
        return "write-mapped-" + entity;
    }

    public static String latestVersionsStore(String entity) {
        return entity + "-latest-versions";
    }

    /**
     * @param lookupTopics global store name → the compacted topic it holds, for every lookup of the targets
     */
    public static Topology mapping(String zone, DatasetSpec dataset, List<Target> targets, Map<String, String> lookupTopics,
            SchemaRegistry registry, OdsCounters counters) {
        return mapping(zone, dataset, targets, lookupTopics, registry, counters, VersionStore.ODS_TOPIC);
    }

    /**
     * @param versions where the upsert of a single-source entity keeps its versions (entities with
     *                 several sources are upserted by {@link #upsert}, with a changelogged store)
     */
    public static Topology mapping(String zone, DatasetSpec dataset, List<Target> targets, Map<String, String> lookupTopics,
            SchemaRegistry registry, OdsCounters counters, VersionStore versions) {
        return mapping(zone, dataset, targets, lookupTopics, registry, counters, versions, new KafkaOdsTopicReader(REBUILD_TIMEOUT));
    }

    /** @param odsTopics what reads an ods topic for a rebuild of the versions (a test's records, or Kafka) */
    static Topology mapping(String zone, DatasetSpec dataset, List<Target> targets, Map<String, String> lookupTopics,
            SchemaRegistry registry, OdsCounters counters, VersionStore versions, OdsTopicReader odsTopics) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " of zone " + zone + " feeds no entity");
        }
        String staging = dataset.topic(zone, Stage.STAGING).toString();
        String rejected = dataset.topic(zone, Stage.REJECTED).toString();
        String source = "read-" + staging;
        String map = "map-" + dataset.name();
        WireDecoder decoder = new WireDecoder(registry, dataset.schema());
        Topology topology = new Topology();
        topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), staging);
        topology.addProcessor(map, () -> new MapToEntity(zone, dataset.name(), targets, decoder, registry, counters), source);
        for (Target target : targets) {
            EntitySpec entity = target.mapping().entity();
            if (entity.sources().size() == 1) {
                // The only source of its entity: the upsert runs here, one hop and one transaction fewer.
                String store = latestVersionsStore(entity.name());
                String ods = entity.topic(zone).toString();
                VersionIndex.Opener opener = versions == VersionStore.CHANGELOG ? StoreVersionIndex.opener(store)
                        : OdsTopicVersionIndex.opener(zone, entity.name(), ods, odsTopics);
                topology.addProcessor(mappedSink(entity.name()), () -> new UpsertLatest(zone, entity.name(), opener, counters), map);
                if (versions == VersionStore.CHANGELOG) {
                    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.Bytes(),
                            Serdes.ByteArray()), mappedSink(entity.name()));
                }
                topology.addSink("write-" + entity.topic(zone), entity.topic(zone).toString(), new ByteArraySerializer(),
                        new ByteArraySerializer(), mappedSink(entity.name()));
            } else {
                topology.addSink(mappedSink(entity.name()), entity.mappedTopic(zone), new ByteArraySerializer(), new ByteArraySerializer(),
                        map);
            }
        }
        topology.addSink(REJECTED_SINK, rejected, new ByteArraySerializer(), new ByteArraySerializer(), map);
        lookupTopics.forEach((store, topic) -> topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                "read-" + topic, new StringDeserializer(), new ByteArrayDeserializer(), topic, "load-" + topic,
                () -> new LoadReference(store)));
        return topology;
    }

    public static Topology upsert(String zone, EntitySpec entity, OdsCounters counters) {
        String mapped = entity.mappedTopic(zone);
        String ods = entity.topic(zone).toString();
        String store = latestVersionsStore(entity.name());
        Topology topology = new Topology();
        topology.addSource("read-" + mapped, new ByteArrayDeserializer(), new ByteArrayDeserializer(), mapped);
        // The ods records do not carry their offset in the mapped topic, which an exact rebuild from the ods topic would need.
        topology.addProcessor("upsert-" + entity.name(), () -> new UpsertLatest(zone, entity.name(), StoreVersionIndex.opener(store), counters),
                "read-" + mapped);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.Bytes(), Serdes.ByteArray()),
                "upsert-" + entity.name());
        topology.addSink("write-" + ods, ods, new ByteArraySerializer(), new ByteArraySerializer(), "upsert-" + entity.name());
        return topology;
    }

    /** Keeps a global store equal to its compacted topic: the latest value per key, a tombstone deletes. */
    static final class LoadReference implements Processor<String, byte[], Void, Void> {
        private final String storeName;
        private KeyValueStore<String, byte[]> store;

        LoadReference(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
