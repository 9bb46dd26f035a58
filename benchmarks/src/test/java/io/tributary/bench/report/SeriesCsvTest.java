package io.tributary.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart data is written in the form the report reads: a header naming the axes, then one row per point; seconds without events count 0. */
class SeriesCsvTest {
    @TempDir
    Path dir;

    @Test
    void perSecondCountsBecomeOneRowPerSecondIncludingQuietOnes() throws Exception {
        System.setProperty("bench.out", dir.toString());
        try {
            PerSecondCounter counter = new PerSecondCounter(10_000);
            counter.add(10_100, 5);
            counter.add(10_900, 2);
            counter.add(12_500, 4);
            SeriesCsv csv = new SeriesCsv("timeseries-x", "second", "records per second");
            counter.writeTo(csv, "staged");
            csv.add("latency", 99.9, 12.5);
            Path file = csv.write();
            assertThat(Files.readAllLines(file)).containsExactly("series,second,records per second", "staged,0,7", "staged,1,0",
                    "staged,2,4", "latency,99.9000,12.5000");
        } finally {
            System.clearProperty("bench.out");
        }
    }
}
