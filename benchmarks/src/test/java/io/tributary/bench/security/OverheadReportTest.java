package io.tributary.bench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures the benchmark reports: rates from the measured times, the secured/open ratio, the size argument, the secrets files. */
class OverheadReportTest {
    @TempDir
    Path dir;

    private static RunResult run(SecurityMode mode, Duration validating, Duration producing) {
        return new RunResult(mode, 100_000, 23_000_000, producing, validating, mode == SecurityMode.SECURED ? 23 : 0, "load average 3.0",
                "load average 4.5");
    }

    @Test
    void ratesComeFromTheValidatorsTimeAndTheRatioIsSecuredOverOpen() {
        RunResult open = run(SecurityMode.OPEN, Duration.ofSeconds(10), Duration.ofSeconds(2));
        RunResult secured = run(SecurityMode.SECURED, Duration.ofSeconds(12, 500_000_000), Duration.ofSeconds(4));

        assertThat(open.recordsPerSecond()).isCloseTo(10_000, within(1e-6));
        assertThat(open.megabytesPerSecond()).isCloseTo(2.3, within(1e-9));
        assertThat(secured.recordsPerSecond()).isCloseTo(8_000, within(1e-6));
        assertThat(OverheadReport.ratio(open, secured)).isCloseTo(0.80, within(1e-9));

        String report = OverheadReport.render(open, secured, 1);
        assertThat(report)
                .contains("100,000 claims of about 230 bytes (23.0 MB of JSON), 6 partitions")
                .contains("| open: PLAINTEXT, no authentication, no ACLs | 10,000 | 2.30 | 100% | 50,000 | 3.0, then 4.5 |")
                .contains("| 8,000 | 1.84 | 80% | 25,000 | 3.0, then 4.5 |")
                .contains("23 ACLs; producer as User:bench-producer, validator as User:bench-validator")
                .contains("secured / open: 0.80 (validator throughput), 0.50 (producer)");
    }

    @Test
    void theSizeArgumentIsAPositiveWholeNumberAndBadInputSaysWhatIsWrong() {
        assertThat(SecurityOverheadBenchmark.records(new String[0])).isEqualTo(SecurityOverheadBenchmark.DEFAULT_RECORDS);
        assertThat(SecurityOverheadBenchmark.records(new String[] {"20000"})).isEqualTo(20_000);
        assertThat(SecurityOverheadBenchmark.records(new String[] {"records=50_000"})).isEqualTo(50_000);
        assertThatThrownBy(() -> SecurityOverheadBenchmark.records(new String[] {"lots"}))
                .hasMessage("records (first argument) must be a whole number, not 'lots'");
        assertThatThrownBy(() -> SecurityOverheadBenchmark.records(new String[] {"0"}))
                .hasMessage("records (first argument) must be at least 1, not 0");
        assertThatThrownBy(() -> SecurityOverheadBenchmark.records(new String[] {"1000", "2000"})).hasMessageContaining("usage:");
    }

    @Test
    void settingsWithPasswordsGoToAnOwnerOnlyFileUnderTheComponentsPrefix() throws Exception {
        Path file = OwnerOnlyProperties.write(dir.resolve("secrets/validator.properties"), "kafka-streams.",
                Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read).containsOnly(Map.entry("kafka-streams.security.protocol", "SASL_PLAINTEXT"),
                Map.entry("kafka-streams.sasl.mechanism", "SCRAM-SHA-512"));
    }
}
