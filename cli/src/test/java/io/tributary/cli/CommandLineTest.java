package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input: what is wrong and where, a non-zero exit, nothing done. */
class CommandLineTest extends CliCommandTest {
    @TempDir
    Path dir;

    @Test
    void malformedDescriptorNamesFileLineAndFieldAndAppliesNothing() throws IOException {
        Files.writeString(dir.resolve("expenses.avsc"), "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        Files.writeString(dir.resolve("finance.yaml"), """
                zone: finance
                owners: [a@example.com]
                steward: s@example.com
                datasets:
                  - name: expenses
                    schema: expenses.avsc
                    keyField: expense_id
                """);
        // A port where nothing listens: had the command tried to apply, it would fail differently.
        int rc;
        try (ServerSocket unused = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = unused.getLocalPort();
            unused.close();
            rc = run("zones", "apply", dir.toString(), "--bootstrap-server", "localhost:" + port, "--registry-url", "http://localhost:" + port);
        }
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString())
                .contains(dir.resolve("finance.yaml") + ":7:15: datasets[0].keyField: the key field 'expense_id' is not a field of schema E")
                .doesNotContain("Exception");
        assertThat(out.toString()).doesNotContain("create topic");
    }

    @Test
    void validateReportsEveryProblemOfEveryFile() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "zone: Bad Name\nowners: []\nsteward: s\ndatasets: []\nextra: 1\n");
        int rc = run("zones", "validate", dir.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString())
                .contains("a.yaml:1:7: zone: zone name 'Bad Name' must match")
                .contains("a.yaml:2:9: owners: needs at least one entry")
                .contains("a.yaml:4:11: datasets: a zone declares at least one dataset")
                .contains("a.yaml:5:1: extra: unknown key");
    }

    @Test
    void validateAcceptsTheExampleZones() {
        assertThat(run("zones", "validate", Path.of("..", "examples", "zones").toString())).isZero();
        assertThat(out.toString()).contains("Zone finance: 4 dataset(s), valid.", "Zone hr: 1 dataset(s), valid.");
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(run("up", "--kafka-port", "ninety")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port").contains("ninety");
        assertThat(run("demo", "--records", "5", "--invalid", "9")).isEqualTo(1);
        assertThat(err.toString()).contains("--invalid between 0 and --records");
        assertThat(run("zones", "plan", dir.toString(), "--cluster-profile", "huge")).isEqualTo(1);
    }

    @Test
    void missingClientConfigIsNamed() throws IOException {
        Path examples = Path.of("..", "examples", "zones").toAbsolutePath();
        for (String zone : List.of("finance", "hr")) {
            Files.writeString(dir.resolve(zone + ".yaml"), Files.readString(examples.resolve(zone + ".yaml"))
                    .replace("schema: " + zone + "/", "schema: " + examples.resolve(zone) + "/"));
        }
        assertThat(run("zones", "plan", dir.toString(), "--client-config", dir.resolve("nope.properties").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--client-config").contains("nope.properties: no such file");
    }

    @Test
    void statusWithoutAPlatformSaysHowToStartOne() {
        assertThat(run("status", "--data-dir", dir.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("not running").contains("tributary up");
    }
}
