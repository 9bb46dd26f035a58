package io.tributary.cli.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs benchmark scenarios one after the other, each in its own JVM from the benchmarks module's
 * jar (so one scenario's heap and threads do not bias the next), keeping each one's output.
 */
public final class BenchRunner {
    private final Path home;
    private final Path javaBinary;
    private final Path outputDir;

    /** What one scenario gave: its exit code, how long it ran, its output and the lines carrying its figures. */
    public record BenchResult(BenchScenario scenario, int exitCode, Duration elapsed, Path output, List<String> figures) {
    }

    public BenchRunner(Path home, Path java, Path outputDir) {
        this.home = home;
        this.javaBinary = java;
        this.outputDir = outputDir;
    }

    public List<BenchResult> run(List<BenchScenario> scenarios, Duration timeoutEach, Consumer<String> progress) {
        Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -DskipTests install -pl benchmarks -am)");
        }
        List<BenchResult> results = new ArrayList<>();
        for (BenchScenario s : scenarios) {
            progress.accept("Running " + s.name() + " (against " + s.baseline() + ")");
            results.add(runOne(s, jar, timeoutEach));
            BenchResult r = results.get(results.size() - 1);
            progress.accept(s.name() + ": exit " + r.exitCode() + " after " + r.elapsed().toSeconds() + " s"
                    + (r.figures().isEmpty() ? "" : "; " + r.figures().get(r.figures().size() - 1)));
        }
        return results;
    }

    private BenchResult runOne(BenchScenario s, Path jar, Duration timeout) {
        // bench.out: where a scenario leaves its chart data (time series, percentiles, scale curves) for the report.
        List<String> cmd = new ArrayList<>(List.of(javaBinary.toString(), "-Xmx" + s.heap(), "-Dbench.out=" + outputDir, "-cp",
                jar + File.pathSeparator + home.resolve("benchmarks/target/lib") + File.separator + "*", s.mainClass()));
        cmd.addAll(s.args());
        Path output = outputDir.resolve("bench-" + s.name() + ".log");
        Instant start = Instant.now();
        try {
            Files.createDirectories(outputDir);
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            int exit;
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                p.destroyForcibly();
                exit = -1;
            }
            return new BenchResult(s, exit, Duration.between(start, Instant.now()), output, figures(output));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run benchmark " + s.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmark " + s.name() + " ran", e);
        }
    }

    /** The lines of a benchmark's output that state results: ratios, percentages, rates. */
    static List<String> figures(Path output) throws IOException {
        return Files.readAllLines(output).stream().map(String::strip)
                .filter(l -> l.matches("(?i).*(%|ratio|records/s|ops/s|/s\\b|µs|ms/op|p99).*"))
                // Log lines are not figures, even when a word in them matches (an ERROR about an "operation").
                .filter(l -> !l.matches("\\d{2}:\\d{2}:\\d{2}.*") && !l.contains("WARN") && !l.contains("INFO") && !l.contains("ERROR")
                        && l.length() < 300).toList();
    }
}
