package io.tributary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.tributary.cli.harness.ChaosOutcome;
import io.tributary.cli.harness.ChaosRun;
import io.tributary.cli.harness.ChaosSettings;
import io.tributary.cli.harness.CorpusOutcome;
import io.tributary.cli.harness.CorpusRunner;
import io.tributary.cli.harness.HarnessPlatform;
import io.tributary.cli.harness.HarnessReport;
import io.tributary.cli.platform.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Starts a platform of its own (example zones + the qa zone), streams expense claims while killing the Connect"
                + " worker and the validators with SIGKILL at random moments and restarting the broker once, then checks by SQL over"
                + " the lake and by the rejected topic that no claim was lost, duplicated or altered; then runs the bad-input corpus.",
                "Exit code 0 when every check passed, 1 otherwise. Reports: <data-dir>/reports/{chaos,corpus}.{csv,html}."})
final class ChaosCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions options;

    @Option(names = "--records", defaultValue = "1000000", description = "Expense claims to send (default: ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--rate", defaultValue = "10000", description = "Claims per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--kills", defaultValue = "12", description = "SIGKILLs of the Connect worker and validators (default: ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--no-broker-restart", description = "Do not restart the broker during the run")
    boolean noBrokerRestart;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the claims and of the kill moments (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--settle-timeout", defaultValue = "900", description = "Seconds the platform may take to deliver everything after the load (default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--skip-corpus", description = "Do not run the bad-input corpus after the chaos run")
    boolean skipCorpus;

    @Option(names = "--keep", description = "Leave the platform running afterwards (`tributary down --data-dir …` stops it)")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChaosSettings settings;
        try {
            settings = new ChaosSettings(records, rate, kills, !noBrokerRestart, seed, Duration.ofSeconds(settleSeconds));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--records, --rate, --kills: " + e.getMessage());
        }
        // Its own zones, open, DuckDB: the options of `up` that would change that are refused rather than ignored.
        if (options.zonesDir != null) {
            throw new UserFacingException("--zones: tributary chaos runs its own QA zones (written into <data-dir>/zones); leave --zones out");
        }
        if (options.open) {
            throw new UserFacingException("--open: tributary chaos always runs without security (it measures delivery under failure, "
                    + "not access control); leave --open out");
        }
        // Its own data folder and zones: the run must not mix with a platform someone is using.
        if (options.dataDir == null) {
            options.dataDir = Installation.current().home().resolve(".tributary-chaos");
        }
        options.zonesDir = options.dataDir.toAbsolutePath().resolve("zones");
        // Open: the harness measures delivery under failure, not access control.
        var config = options.config().withSecurity(false);
        Path reports = config.layout().dataDir().resolve("reports");
        out.println("Starting a platform for the chaos run in " + config.layout().dataDir());
        HarnessPlatform harness = HarnessPlatform.start(config, new ConsoleProgress(out));
        try {
            out.printf("Chaos run: %d claims at %d/s, %d SIGKILLs%s%n", records, rate, kills, noBrokerRestart ? "" : ", one broker restart");
            out.flush();
            ChaosOutcome chaos = new ChaosRun(config).run(settings);
            out.println("Chaos run " + chaos.summary());
            out.println("Report: " + new HarnessReport(reports).write(chaos));
            boolean ok = chaos.ok();
            if (!skipCorpus) {
                CorpusOutcome corpus = new CorpusRunner(config).run(Duration.ofSeconds(180));
                out.println("Bad-input corpus " + corpus.summary());
                out.println("Report: " + new HarnessReport(reports).write(corpus));
                ok &= corpus.ok();
            }
            return ok ? 0 : 1;
        } finally {
            if (!keep) {
                harness.close();
            }
        }
    }
}
