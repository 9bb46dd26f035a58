package io.tributary.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.tributary.cli.demo.CommittedKeys;
import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.cli.demo.LandingProducer;
import io.tributary.cli.demo.ReferenceData;
import io.tributary.cli.demo.RejectedReader;
import io.tributary.cli.demo.RejectedRecord;
import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.model.ClientSettings;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the platform if needed, streams generated expense claims into the finance zone, and queries them.")
final class DemoCommand implements Callable<Integer> {
    static final String SPEND_PER_DEPARTMENT = """
            SELECT department, currency, count(*) AS claims, sum(amount) AS total
            FROM finance_staging.expenses
            GROUP BY department, currency
            ORDER BY department, currency""";
    /** The ods change log: one row per version, and the demo sends one version of each claim. */
    static final String EXPENSE_VERSIONS = "finance_ods.expense";
    static final String SPEND_IN_EUROS = """
            SELECT department_code, count(*) AS expenses, round(sum(amount_eur), 2) AS total_eur
            FROM finance_ods.expense_current
            GROUP BY department_code
            ORDER BY department_code""";

    @Mixin
    PlatformOptions options;

    @Option(names = "--records", defaultValue = "1000", description = "Expense claims to send (default: ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--invalid", defaultValue = "25", description = "How many of them are broken (default: ${DEFAULT-VALUE})")
    int invalid;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the data to be queryable (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (records < 1 || invalid < 0 || invalid > records) {
            throw new UserFacingException("--records must be at least 1 and --invalid between 0 and --records (got "
                    + records + " and " + invalid + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PlatformConfig config = options.config();
        LocalPlatform platform = new LocalPlatform(config);
        Instant start = Instant.now();
        List<ComponentStatus> status = platform.status();
        if (status.isEmpty() || status.stream().anyMatch(s -> s.state() != ComponentStatus.State.UP)) {
            if (!status.isEmpty()) {
                platform.down(io.tributary.cli.platform.Progress.SILENT);
            }
            out.println("Starting Tributary in " + config.layout().dataDir());
            platform.up(new ConsoleProgress(out));
        } else {
            out.println("Tributary is already running in " + config.layout().dataDir());
        }

        ClientSettings kafka = ClientSettings.load(config.layout().clientProperties());
        // The zones' table definitions give the ods table its <entity>_current view.
        LakeQuery lake = LakeQuery.of(config, PlatformConfig.QueryEngine.DUCKDB);
        long before = lake.countOrZero("finance_staging.expenses");
        long odsBefore = lake.countOrZero(EXPENSE_VERSIONS);
        sendReferenceData(kafka, out);
        TopicName landing = TopicName.of("finance", Stage.LANDING, "expenses");
        List<ExpenseGenerator.GeneratedRecord> generated = new ExpenseGenerator(System.nanoTime(), Instant.now()).generate(records, invalid);
        new LandingProducer(kafka).send(landing.toString(), generated);
        long valid = generated.stream().filter(ExpenseGenerator.GeneratedRecord::valid).count();
        out.printf("Sent %d expense claims to %s (%d of them broken).%n", generated.size(), landing, generated.size() - valid);

        long expected = before + valid;
        out.print("Waiting for them in s3://" + config.lakeBucket() + "/staging/finance/expenses/ ");
        out.flush();
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long seen = before;
        while (seen < expected && Instant.now().isBefore(deadline)) {
            sleep(1000);
            seen = lake.countOrZero("finance_staging.expenses");
            out.print(".");
            out.flush();
        }
        out.println();
        if (seen < expected) {
            throw new UserFacingException("only " + (seen - before) + " of " + valid + " valid claims reached Parquet in "
                    + timeoutSeconds + " s; see the logs in " + config.layout().logs());
        }
        out.println("Spend per department (" + SPEND_PER_DEPARTMENT.lines().skip(1).findFirst().orElse("").trim() + "):");
        out.println(lake.render(SPEND_PER_DEPARTMENT));
        out.printf("First query answered %.1f s after the command started.%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);

        showCanonicalExpenses(lake, odsBefore, valid, Instant.now().plusSeconds(timeoutSeconds), out);

        List<RejectedRecord> rejected = new RejectedReader(kafka).readAll(landing.withStage(Stage.REJECTED).toString(), Duration.ofSeconds(30));
        out.println();
        out.println(rejected.size() + " record(s) in " + landing.withStage(Stage.REJECTED) + ", by reason:");
        Map<String, List<RejectedRecord>> byReason = rejected.stream()
                .collect(Collectors.groupingBy(r -> r.reason() + (r.field() == null || r.field().isEmpty() ? "" : " (" + r.field() + ")"),
                        TreeMap::new, Collectors.toList()));
        byReason.forEach((reason, list) -> out.printf("  %4d  %-28s e.g. %s%n", list.size(), reason, list.get(0).message()));
        out.println();
        out.println("The platform is still running: `./tributary status`, `./tributary sql \"...\"`, `./tributary down`.");
        out.flush();
        return 0;
    }

    /** The euro rates and departments the ods pipelines look up, in staging before the claims are sent. */
    private void sendReferenceData(ClientSettings kafka, PrintWriter out) {
        LandingProducer producer = new LandingProducer(kafka);
        producer.send(ReferenceData.FX_RATES, ReferenceData.fxRates());
        producer.send(ReferenceData.DEPARTMENTS, ReferenceData.departments());
        CommittedKeys staged = new CommittedKeys(kafka);
        Duration wait = Duration.ofSeconds(timeoutSeconds);
        boolean ready = staged.await(ReferenceData.FX_RATES.replace(".landing.", ".staging."), keys(ReferenceData.fxRates()), wait)
                && staged.await(ReferenceData.DEPARTMENTS.replace(".landing.", ".staging."), keys(ReferenceData.departments()), wait);
        if (!ready) {
            throw new UserFacingException("the reference data (fx rates, departments) did not reach staging in " + timeoutSeconds
                    + " s; see the logs");
        }
        out.printf("Sent reference data: %d euro rates to %s, %d departments to %s.%n", ReferenceData.fxRates().size(),
                ReferenceData.FX_RATES, ReferenceData.departments().size(), ReferenceData.DEPARTMENTS);
    }

    private static java.util.Set<String> keys(List<ExpenseGenerator.GeneratedRecord> records) {
        return records.stream().map(ExpenseGenerator.GeneratedRecord::key).collect(Collectors.toSet());
    }

    /** The same claims as canonical expenses in euros, once the ods sink has landed them (not fatal if late). */
    private static void showCanonicalExpenses(LakeQuery lake, long before, long valid, Instant deadline, PrintWriter out) {
        out.print("Waiting for the canonical expenses in finance_ods.expense_current ");
        out.flush();
        long seen = lake.countOrZero(EXPENSE_VERSIONS);
        while (seen < before + valid && Instant.now().isBefore(deadline)) {
            sleep(1000);
            seen = lake.countOrZero(EXPENSE_VERSIONS);
            out.print(".");
            out.flush();
        }
        out.println();
        if (seen < before + valid) {
            out.println("Only " + seen + " canonical expenses are in the lake so far; try `./tributary sql \"" + SPEND_IN_EUROS
                    .replace('\n', ' ') + "\"` in a moment.");
            return;
        }
        out.println("Canonical expenses in euros, per department (ods):");
        out.println(lake.render(SPEND_IN_EUROS));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted");
        }
    }
}
