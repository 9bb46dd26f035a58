package io.tributary.model;

import java.util.List;

/**
 * One staging dataset feeding a canonical entity, with how its records map to the entity.
 *
 * @param priority  decides between two sources that give the same key the same version: the
 *                  higher priority replaces the lower; equal priorities keep the first (a duplicate)
 * @param mappings    one per entity field, in the entity schema's field order
 * @param transformer the zone's {@code RecordTransformer} (Java SPI) applied after the mappings, by
 *                    name; empty for none
 */
public record EntitySource(String dataset, int priority, List<LookupSpec> lookups, List<FieldMapping> mappings, String transformer,
        Place place) {

    public EntitySource {
        lookups = List.copyOf(lookups);
        mappings = List.copyOf(mappings);
        transformer = transformer == null ? "" : transformer;
    }
}
