package io.tributary.security.acl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetRef;
import io.tributary.model.EntitySource;
import io.tributary.model.EntitySpec;
import io.tributary.model.LookupSpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.model.ZoneDescriptor;

/** What a zone's pipelines look up or join, and the topic each such dataset or entity lives in. */
final class ZoneReads {
    private ZoneReads() {
    }

    /** Datasets and entities the canonicaliser's lookups read, of this zone or others. */
    static Set<DatasetRef> lookups(ZoneDescriptor zone) {
        Set<DatasetRef> refs = new LinkedHashSet<>();
        for (EntitySpec entity : zone.entities()) {
            for (EntitySource source : entity.sources()) {
                source.lookups().stream().map(LookupSpec::reference).map(r -> qualified(r, zone)).forEach(refs::add);
            }
        }
        return refs;
    }

    /** Datasets and entities the analytical outputs join, of this zone or others. */
    static Set<DatasetRef> joins(ZoneDescriptor zone) {
        Set<DatasetRef> refs = new LinkedHashSet<>();
        for (AnalyticalSpec output : zone.analytical()) {
            output.joins().forEach(j -> refs.add(qualified(j.with(), zone)));
        }
        return refs;
    }

    static Set<DatasetRef> foreignRefs(ZoneDescriptor zone) {
        Set<DatasetRef> refs = new LinkedHashSet<>(lookups(zone));
        refs.addAll(joins(zone));
        refs.removeIf(r -> r.isIn(zone.zone()));
        return refs;
    }

    /**
     * The topic holding {@code ref}: an entity's ods topic, a dataset's staging topic (never
     * landing). {@code zones} must hold the owning zone (checked before).
     */
    static String topicOf(DatasetRef ref, Map<String, ZoneDescriptor> zones) {
        ZoneDescriptor owner = zones.get(ref.zone());
        if (owner.entity(ref.dataset()).isPresent()) {
            return TopicName.of(ref.zone(), Stage.ODS, ref.dataset()).toString();
        }
        return TopicName.of(ref.zone(), Stage.STAGING, ref.dataset()).toString();
    }

    private static DatasetRef qualified(DatasetRef ref, ZoneDescriptor zone) {
        return ref.zone() == null || ref.zone().isEmpty() ? new DatasetRef(zone.zone(), ref.dataset()) : ref;
    }

    static List<String> topicsOf(Set<DatasetRef> refs, Map<String, ZoneDescriptor> zones) {
        return refs.stream().map(r -> topicOf(r, zones)).toList();
    }
}
