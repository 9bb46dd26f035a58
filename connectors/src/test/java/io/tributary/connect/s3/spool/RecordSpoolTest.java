package io.tributary.connect.s3.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSpoolTest {
    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderAcrossSpillsWithTheirCoordinates() throws Exception {
        SpoolDirectory directory = new SpoolDirectory(dir.resolve("spool"));
        MemoryMeter memory = new MemoryMeter();
        RecordSpool spool = new RecordSpool(directory, memory);
        for (int i = 0; i < 1000; i++) {
            byte[] body = ("body-" + i + "-" + "z".repeat(i % 300)).getBytes(StandardCharsets.UTF_8);
            spool.append(1_000_000_000_000L + i, i % 7 == 0 ? null : -5L + i, i % 3, body, 0, body.length);
            if (i % 250 == 249) {
                long before = memory.used();
                spool.spill();
                assertThat(memory.used()).isLessThan(before);
            }
        }
        assertThat(directory.spilledBytes()).isPositive();
        List<String> seen = new ArrayList<>();
        spool.forEach(r -> seen.add(r.offset() + "|" + r.timestamp() + "|" + r.schemaIndex() + "|"
                + new String(r.bytes(), r.bytesOffset(), r.length(), StandardCharsets.UTF_8)));
        assertThat(seen).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.get(i)).isEqualTo((1_000_000_000_000L + i) + "|" + (i % 7 == 0 ? null : -5L + i) + "|" + i % 3 + "|body-" + i
                    + "-" + "z".repeat(i % 300));
        }
        spool.delete();
        assertThat(memory.used()).isZero();
        assertThat(directory.spilledBytes()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void cleaningRemovesWhatAnEarlierRunLeft() throws Exception {
        Path folder = dir.resolve("task");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("7.spool"), "left over");
        new SpoolDirectory(folder).clean();
        assertThat(folder).doesNotExist();
    }
}
