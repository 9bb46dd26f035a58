package io.tributary.ingest.zones;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ValidationMode;
import io.tributary.model.ZoneDescriptor;

/**
 * Zones and datasets as the zone descriptors declare them: a folder of descriptors (as
 * {@code tributary zones apply} takes) or one descriptor file. Loaded once at start: a new
 * dataset is served after a restart, as the validators also pick up a descriptor change.
 */
public final class DescriptorDatasetDirectory implements DatasetDirectory {
    private final Map<String, Set<String>> datasetsByZone;
    /** {@code <zone>.<dataset>} of the datasets approved in batches. */
    private final Set<String> batchDatasets;

    public DescriptorDatasetDirectory(List<ZoneDescriptor> zones) {
        Map<String, Set<String>> byZone = new TreeMap<>();
        Set<String> batches = new TreeSet<>();
        for (ZoneDescriptor zone : zones) {
            Set<String> names = new TreeSet<>();
            for (DatasetSpec dataset : zone.datasets()) {
                names.add(dataset.name());
                if (dataset.validationMode() == ValidationMode.BATCH) {
                    batches.add(zone.zone() + "." + dataset.name());
                }
            }
            byZone.put(zone.zone(), Set.copyOf(names));
        }
        // Sorted, so that messages list the zones in a stable order.
        this.datasetsByZone = java.util.Collections.unmodifiableMap(byZone);
        this.batchDatasets = Set.copyOf(batches);
    }

    /** Loads every descriptor of a folder, or the one file named; a descriptor with problems fails with all of them listed. */
    public static DescriptorDatasetDirectory load(Path folderOrFile) {
        if (Files.isDirectory(folderOrFile)) {
            return new DescriptorDatasetDirectory(DescriptorLoader.loadDirectory(folderOrFile));
        }
        return new DescriptorDatasetDirectory(List.of(DescriptorLoader.load(folderOrFile)));
    }

    @Override
    public boolean hasZone(String zone) {
        return datasetsByZone.containsKey(zone);
    }

    @Override
    public boolean hasDataset(String zone, String dataset) {
        return datasetsByZone.getOrDefault(zone, Set.of()).contains(dataset);
    }

    @Override
    public boolean validatedInBatches(String zone, String dataset) {
        return batchDatasets.contains(zone + "." + dataset);
    }

    @Override
    public Set<String> zones() {
        return datasetsByZone.keySet();
    }

    public int datasetCount() {
        return datasetsByZone.values().stream().mapToInt(Set::size).sum();
    }
}
