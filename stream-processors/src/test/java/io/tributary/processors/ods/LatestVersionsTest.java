package io.tributary.processors.ods;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The in-memory version index: the ordering rules of the upsert, and its heap per million keys. */
class LatestVersionsTest {

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGreaterVersionOrAnEqualVersionOfHigherPriorityAdvancesAKeyNothingElse() {
        LatestVersions latest = new LatestVersions();
        assertThat(latest.advance(key("k"), 10, 0)).as("first version").isTrue();
        assertThat(latest.advance(key("k"), 10, 0)).as("duplicate").isFalse();
        assertThat(latest.advance(key("k"), 9, 5)).as("older, whatever its priority").isFalse();
        assertThat(latest.advance(key("k"), 10, 1)).as("same version, higher priority").isTrue();
        assertThat(latest.advance(key("k"), 10, 0)).as("same version, now lower priority").isFalse();
        assertThat(latest.advance(key("k"), 11, 0)).as("newer").isTrue();
        assertThat(latest.advance(key("other"), 1, 0)).as("keys are independent").isTrue();
        assertThat(latest.advance(key("k"), 10, 9)).isFalse();
        assertThat(latest.size()).isEqualTo(2);
    }

    @Test
    void aMillionKeysTakeAboutOneHundredAndFortyBytesEachOnTheHeap() {
        Runtime runtime = Runtime.getRuntime();
        long before = usedAfterGc(runtime);
        LatestVersions latest = new LatestVersions();
        int keys = 1_000_000;
        for (int i = 0; i < keys; i++) {
            // Keys shaped like the benchmark's claim ids (11 bytes).
            latest.advance(claimId(i), 1_714_557_600_000L + i, 0);
        }
        long bytesPerKey = (usedAfterGc(runtime) - before) / keys;
        System.out.printf("LatestVersions: %d keys, %d bytes of heap per key (%.1f MB per million keys)%n", latest.size(), bytesPerKey,
                bytesPerKey / 1.048576);
        assertThat(latest.size()).isEqualTo(keys);
        assertThat(bytesPerKey).isBetween(60L, 200L);
    }

    /** C-000000042: built by hand, formatting a million strings would be most of the test's time. */
    private static byte[] claimId(int i) {
        byte[] id = {'C', '-', '0', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int at = id.length - 1, rest = i; rest > 0; at--, rest /= 10) {
            id[at] = (byte) ('0' + rest % 10);
        }
        return id;
    }

    private static long usedAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
