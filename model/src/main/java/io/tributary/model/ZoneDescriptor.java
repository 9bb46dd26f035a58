package io.tributary.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one insight zone, as declared in its descriptor file: staging datasets (some
 * of them reference data), canonical entities of its ods, what it publishes to other zones and
 * what of theirs it uses, and its analytical outputs.
 */
public record ZoneDescriptor(
        String zone,
        String description,
        List<String> owners,
        String steward,
        List<DatasetSpec> datasets,
        Path source,
        List<EntitySpec> entities,
        List<Publication> publishes,
        List<UsedDataset> uses,
        List<AnalyticalSpec> analytical) {

    /** A dataset of another zone this zone uses, and where it says so. */
    public record UsedDataset(DatasetRef ref, Place place) {
    }

    public ZoneDescriptor {
        owners = List.copyOf(owners);
        datasets = List.copyOf(datasets);
        entities = List.copyOf(entities);
        publishes = List.copyOf(publishes);
        uses = List.copyOf(uses);
        analytical = List.copyOf(analytical);
    }

    /** A zone with datasets only: no entities, publishes or uses nothing. */
    public ZoneDescriptor(String zone, String description, List<String> owners, String steward, List<DatasetSpec> datasets,
            Path source) {
        this(zone, description, owners, steward, datasets, source, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<DatasetSpec> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<EntitySpec> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Whether {@code name} (a dataset or an entity of this zone) is published to {@code zone}. */
    public boolean publishesTo(String name, String zone) {
        return publishes.stream().anyMatch(p -> p.dataset().equals(name) && p.to().contains(zone));
    }

    public boolean uses(DatasetRef ref) {
        return uses.stream().anyMatch(u -> u.ref().equals(ref));
    }
}
