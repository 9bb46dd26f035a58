package io.tributary.ingest.zones;

import java.util.Set;

/** The zones and datasets records may be posted to. */
public interface DatasetDirectory {
    boolean hasZone(String zone);

    boolean hasDataset(String zone, String dataset);

    /** Whether the dataset is approved in batches ({@code validationMode: batch}): then every request is one batch. */
    boolean validatedInBatches(String zone, String dataset);

    Set<String> zones();
}
