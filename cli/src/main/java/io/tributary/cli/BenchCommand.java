package io.tributary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.harness.BenchRunner;
import io.tributary.cli.harness.BenchScenario;
import io.tributary.cli.harness.HarnessReport;
import io.tributary.cli.platform.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmarks of docs/performance.md one after the other, each in its own JVM and each against its"
                + " baseline, and writes bench.csv and a self-contained bench.html (with the machine it ran on).",
                "Needs the benchmarks module built: mvn -B -DskipTests install -pl benchmarks -am."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--only", split = ",", description = "Scenarios to run (default: all): ${COMPLETION-CANDIDATES}")
    List<String> only;

    @Option(names = "--quick", description = "Shorter runs where a benchmark allows it (noisier figures)")
    boolean quick;

    @Option(names = "--out", description = "Where the reports and each scenario's output go (default: benchmarks/target/bench-report)")
    Path out;

    @Option(names = "--timeout", defaultValue = "900", description = "Seconds a scenario may run (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Installation installation = Installation.current();
        List<BenchScenario> scenarios = BenchScenario.all(quick).stream()
                .filter(s -> only == null || only.contains(s.name())).toList();
        if (only != null && scenarios.size() != only.size()) {
            throw new UserFacingException("--only " + only + ": the scenarios are "
                    + BenchScenario.all(false).stream().map(BenchScenario::name).toList());
        }
        Path dir = out != null ? out.toAbsolutePath() : installation.home().resolve("benchmarks/target/bench-report");
        List<BenchRunner.BenchResult> results;
        try {
            results = new BenchRunner(installation.home(), installation.java(), dir)
                    .run(scenarios, Duration.ofSeconds(timeoutSeconds), line -> {
                        console.println(line);
                        console.flush();
                    });
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        console.println("Report: " + new HarnessReport(dir).write(results));
        return results.stream().allMatch(r -> r.exitCode() == 0) ? 0 : 1;
    }
}
