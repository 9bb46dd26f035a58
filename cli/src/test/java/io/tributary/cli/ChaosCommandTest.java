package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** `tributary chaos` refuses the options of `up` it cannot honour, before it starts anything. */
class ChaosCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

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
