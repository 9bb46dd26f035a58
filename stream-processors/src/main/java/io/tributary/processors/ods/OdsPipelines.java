package io.tributary.processors.ods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.Topology;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySource;
import io.tributary.model.EntitySpec;
import io.tributary.model.LookupSpec;
import io.tributary.model.LookupTarget;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ods.spi.RecordTransformer;
import io.tributary.processors.ods.spi.RecordTransformers;
import io.tributary.registry.client.SchemaRegistry;

/**
 * The Kafka Streams applications of a zone's ods: one mapping application per staging dataset that
 * feeds an entity ({@code tributary-<zone>-ods-map-<dataset>}), one upsert application per entity
 * ({@code tributary-<zone>-ods-upsert-<entity>}), one facts application per analytical output
 * ({@code tributary-<zone>-analytical-<name>}).
 */
public final class OdsPipelines {

    /**
     * @param dataset the staging dataset a mapping application reads (what a steward holds), or null for an upsert application
     * @param topics  every topic it reads or writes: it starts once they all exist
     * @param kind    whose work it is: the canonicaliser's (ods) or the analytical role's
     */
    public record Pipeline(String applicationId, String dataset, Topology topology, List<String> topics, Kind kind) {
    }

    /** Which role an application belongs to, so that it runs under that role's identity. */
    public enum Kind {
        /** staging → ods (mapping, upsert): the zone's canonicaliser. */
        ODS,
        /** ods → analytical (facts, aggregates): the zone's analytical role. */
        ANALYTICAL
    }

    private OdsPipelines() {
    }

    public static String mappingApplicationId(String zone, String dataset) {
        return "tributary-" + zone + "-ods-map-" + dataset;
    }

    public static String analyticalApplicationId(String zone, String name) {
        return "tributary-" + zone + "-analytical-" + name;
    }

    public static String upsertApplicationId(String zone, String entity) {
        return "tributary-" + zone + "-ods-upsert-" + entity;
    }

    /**
     * @param zones     finds the other zones whose published data lookups read
     * @param schemaIds subject → id, for every entity ({@code <zone>.ods.<entity>-value}) and analytical output
     *                  ({@code <zone>.analytical.<name>-value})
     */
    public static List<Pipeline> of(ZoneDescriptor zone, Function<String, Optional<ZoneDescriptor>> zones, SchemaRegistry registry,
            Map<String, Integer> schemaIds, RecordTransformers transformers, OdsCounters counters) {
        return of(zone, zones, registry, registry, schemaIds, transformers, counters);
    }

    /**
     * @param odsRegistry        what the ods applications read schemas with (the canonicaliser's registry identity)
     * @param analyticalRegistry what the analytical applications read schemas with (the analytical role's)
     */
    public static List<Pipeline> of(ZoneDescriptor zone, Function<String, Optional<ZoneDescriptor>> zones, SchemaRegistry odsRegistry,
            SchemaRegistry analyticalRegistry, Map<String, Integer> schemaIds, RecordTransformers transformers, OdsCounters counters) {
        return of(zone, zones, odsRegistry, analyticalRegistry, schemaIds, transformers, counters, VersionStore.ODS_TOPIC);
    }

    /** @param versions where single-source entities keep their versions ({@value VersionStore#SETTING}) */
    public static List<Pipeline> of(ZoneDescriptor zone, Function<String, Optional<ZoneDescriptor>> zones, SchemaRegistry odsRegistry,
            SchemaRegistry analyticalRegistry, Map<String, Integer> schemaIds, RecordTransformers transformers, OdsCounters counters,
            VersionStore versions) {
        return of(zone, zones, odsRegistry, analyticalRegistry, schemaIds, transformers, counters, versions,
                new KafkaOdsTopicReader(OdsTopology.REBUILD_TIMEOUT));
    }

    static List<Pipeline> of(ZoneDescriptor zone, Function<String, Optional<ZoneDescriptor>> zones, SchemaRegistry odsRegistry,
            SchemaRegistry analyticalRegistry, Map<String, Integer> schemaIds, RecordTransformers transformers, OdsCounters counters,
            VersionStore versions, OdsTopicReader odsTopics) {
        Map<String, List<OdsTopology.Target>> targets = new LinkedHashMap<>();
        Map<String, Map<String, String>> lookupTopics = new LinkedHashMap<>();
        for (EntitySpec entity : zone.entities()) {
            for (EntitySource source : entity.sources()) {
                DatasetSpec dataset = zone.dataset(source.dataset()).orElseThrow();
                Map<String, LookupTarget> resolved = new LinkedHashMap<>();
                for (LookupSpec lookup : source.lookups()) {
                    LookupTarget.Result result = LookupTarget.resolve(zone, lookup.reference(), zones);
                    if (!result.found()) {
                        throw new IllegalStateException("Zone " + zone.zone() + " entity " + entity.name() + " source " + source.dataset()
                                + ": lookup " + lookup.name() + ": " + result.problem());
                    }
                    resolved.put(lookup.name(), result.target());
                    lookupTopics.computeIfAbsent(dataset.name(), d -> new LinkedHashMap<>())
                            .put(EntityMapping.storeName(result.target().topic()), result.target().topic());
                }
                RecordTransformer transformer = source.transformer().isEmpty() ? null : transformers.get(source.transformer(),
                        "Zone " + zone.zone() + " entity " + entity.name() + " source " + source.dataset());
                EntityMapping mapping = new EntityMapping(zone.zone(), entity, source, dataset.schema(), resolved, transformer, counters);
                targets.computeIfAbsent(dataset.name(), d -> new ArrayList<>()).add(new OdsTopology.Target(mapping,
                        schemaIds.get(entity.topic(zone.zone()).valueSubject())));
            }
        }
        List<Pipeline> pipelines = new ArrayList<>();
        targets.forEach((dataset, list) -> {
            DatasetSpec spec = zone.dataset(dataset).orElseThrow();
            Map<String, String> lookups = lookupTopics.getOrDefault(dataset, Map.of());
            List<String> topics = new ArrayList<>(List.of(spec.topic(zone.zone(), Stage.STAGING).toString(),
                    spec.topic(zone.zone(), Stage.REJECTED).toString()));
            list.forEach(t -> topics.add(t.mapping().entity().sources().size() == 1 ? t.mapping().entity().topic(zone.zone()).toString()
                    : t.mapping().entity().mappedTopic(zone.zone())));
            topics.addAll(lookups.values());
            pipelines.add(new Pipeline(mappingApplicationId(zone.zone(), dataset), dataset,
                    OdsTopology.mapping(zone.zone(), spec, list, lookups, odsRegistry, counters, versions, odsTopics), List.copyOf(topics),
                    Kind.ODS));
        });
        for (EntitySpec entity : zone.entities()) {
            if (entity.sources().size() == 1) {
                continue;
            }
            pipelines.add(new Pipeline(upsertApplicationId(zone.zone(), entity.name()), null, OdsTopology.upsert(zone.zone(), entity, counters),
                    List.of(entity.mappedTopic(zone.zone()), entity.topic(zone.zone()).toString()), Kind.ODS));
        }
        for (AnalyticalSpec output : zone.analytical()) {
            EntitySpec entity = zone.entity(output.from()).orElseThrow();
            List<LookupTarget> joined = new ArrayList<>();
            List<String> topics = new ArrayList<>(List.of(entity.topic(zone.zone()).toString(), output.topic(zone.zone()).toString()));
            for (AnalyticalSpec.Join join : output.joins()) {
                LookupTarget.Result result = LookupTarget.resolve(zone, join.with(), zones);
                if (!result.found()) {
                    throw new IllegalStateException("Zone " + zone.zone() + " analytical " + output.name() + ": join " + join.name() + ": "
                            + result.problem());
                }
                joined.add(result.target());
                topics.add(result.target().topic());
            }
            int schemaId = schemaIds.get(output.topic(zone.zone()).valueSubject());
            Topology topology = output.aggregate().isPresent()
                    ? AggregateTopology.build(zone.zone(), output, entity, schemaId, analyticalRegistry, counters)
                    : FactsTopology.build(zone.zone(), output, entity, joined, schemaId, analyticalRegistry, counters);
            pipelines.add(new Pipeline(analyticalApplicationId(zone.zone(), output.name()), null, topology, List.copyOf(topics),
                    Kind.ANALYTICAL));
        }
        return pipelines;
    }
}
