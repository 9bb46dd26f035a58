package io.tributary.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tributary.bench.validator.BenchZone;

/**
 * A zone of {@code n} datasets, each the validator benchmark's expense claims with the same five
 * rules, one partition each: the validator's work grows with the number of datasets only.
 */
final class ScaleZone {
    private ScaleZone() {
    }

    static String zone(int datasets) {
        return "scale" + datasets;
    }

    static String dataset(int i) {
        return String.format("claims%03d", i);
    }

    static String topic(int datasets, String stage, int i) {
        return zone(datasets) + "." + stage + "." + dataset(i);
    }

    /** Writes the descriptor (and the schema it names) under {@code dir}; @return the descriptor. */
    static Path write(Path dir, int datasets) throws IOException {
        // The benchmark zone's schema file, reused by every dataset.
        BenchZone.write(dir);
        StringBuilder yaml = new StringBuilder(BenchZone.header(zone(datasets)));
        for (int i = 0; i < datasets; i++) {
            yaml.append(BenchZone.dataset(dataset(i), 1));
        }
        return Files.writeString(dir.resolve(zone(datasets) + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
