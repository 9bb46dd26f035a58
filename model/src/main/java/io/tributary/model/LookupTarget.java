package io.tributary.model;

import java.util.Optional;
import java.util.function.Function;

import org.apache.avro.Schema;

/**
 * What a lookup reads: a compacted topic keyed by the target's key field (as text), valued in the
 * wire format with {@code schema}. Reference datasets are read from their (compacted) staging
 * topic, entities from their ods topic.
 */
public record LookupTarget(DatasetRef ref, String topic, Schema schema, String keyField) {

    /**
     * Resolves {@code ref} as seen from zone {@code owner}: the owner's own reference datasets and
     * entities, or those of the zone {@code ref} names ({@code zones} finds a zone by name).
     * Publication is not checked here (see {@link ZoneReferences}).
     *
     * @return the target, or a message saying why there is none
     */
    public static Result resolve(ZoneDescriptor owner, DatasetRef ref, Function<String, Optional<ZoneDescriptor>> zones) {
        Optional<ZoneDescriptor> zone = ref.isIn(owner.zone()) ? Optional.of(owner) : zones.apply(ref.zone());
        if (zone.isEmpty()) {
            return new Result(null, "there is no zone " + ref.zone());
        }
        ZoneDescriptor z = zone.get();
        Optional<EntitySpec> entity = z.entity(ref.dataset());
        if (entity.isPresent()) {
            EntitySpec e = entity.get();
            return new Result(new LookupTarget(ref, e.topic(z.zone()).toString(), e.schema(), e.keyField()), null);
        }
        Optional<DatasetSpec> dataset = z.dataset(ref.dataset());
        if (dataset.isEmpty()) {
            return new Result(null, "zone " + z.zone() + " has no reference dataset or entity " + ref.dataset()
                    + " (reference datasets: " + z.datasets().stream().filter(DatasetSpec::reference).map(DatasetSpec::name).toList()
                    + ", entities: " + z.entities().stream().map(EntitySpec::name).toList() + ")");
        }
        DatasetSpec d = dataset.get();
        if (!d.reference()) {
            return new Result(null, "dataset " + ref + " is not reference data (declare it with reference: true, so that its topic "
                    + "is compacted and keeps every key) nor an entity");
        }
        return new Result(new LookupTarget(ref, d.topic(z.zone(), Stage.STAGING).toString(), d.schema(), d.keyField()), null);
    }

    /** A target, or why there is none. */
    public record Result(LookupTarget target, String problem) {
        public boolean found() {
            return target != null;
        }
    }
}
