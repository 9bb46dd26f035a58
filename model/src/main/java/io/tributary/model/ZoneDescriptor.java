package io.tributary.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything about one insight zone, as declared in its descriptor file. */
public record ZoneDescriptor(
        String zone,
        String description,
        List<String> owners,
        String steward,
        List<DatasetSpec> datasets,
        Path source) {

    public ZoneDescriptor {
        owners = List.copyOf(owners);
        datasets = List.copyOf(datasets);
    }

    public Optional<DatasetSpec> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
