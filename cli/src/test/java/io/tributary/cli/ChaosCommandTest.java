package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary chaos` refuses the options of `up` it cannot honour, before it starts anything. */
class ChaosCommandTest extends CliCommandTest {
    @TempDir
    Path dir;

    @Test
    void zonesAndOpenAreRefusedNotIgnored() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("chaos", "--data-dir", data.toString(), "--zones", dir.toString())).isNotZero();
        assertThat(err.toString()).contains("--zones: tributary chaos runs its own QA zones");

        assertThat(run("chaos", "--data-dir", data.toString(), "--open")).isNotZero();
        assertThat(err.toString()).contains("--open: tributary chaos always runs without security");
        assertThat(out.toString()).doesNotContain("Starting a platform");
        assertThat(Files.exists(data)).as("nothing started, nothing written").isFalse();
    }
}
