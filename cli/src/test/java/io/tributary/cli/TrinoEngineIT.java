package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.trino.TrinoConnections;
import io.tributary.catalog.trino.TrinoServerConfig;
import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.ComponentSpec;
import io.tributary.cli.platform.Installation;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformPorts;
import io.tributary.cli.platform.ProcessLauncher;
import io.tributary.local.LocalS3Server;
import io.tributary.local.Ports;
import picocli.CommandLine;

/**
 * The Trino component as `tributary up --engine trino` runs it (its command line and
 * configuration, in its own process) over the platform's S3 server, queried with `tributary sql
 * --engine trino`. Skipped where Trino has not been unpacked (build with -Ptrino).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoEngineIT {
    private static final Path ZONES = Installation.current().home().resolve("examples/zones");

    @TempDir
    static Path data;

    private PlatformConfig config;
    private LocalS3Server s3;
    private Process trino;

    @BeforeAll
    void start() throws Exception {
        Installation installation = Installation.current();
        Assumptions.assumeTrue(TrinoServerConfig.isInstalled(installation.trinoHome()) && Files.isExecutable(installation.trinoJava()),
                "Trino is not unpacked at " + installation.trinoHome() + " (build with -Ptrino)");
        config = PlatformConfig.defaults(installation, data, ZONES, new PlatformPorts(Ports.freePort(), Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort())).withEngine(PlatformConfig.QueryEngine.TRINO, Ports.freePort());
        s3 = LocalS3Server.start(config.layout().s3Data(), config.ports().s3(), config.s3AccessKey(), config.s3SecretKey());
        s3.createBucket(config.lakeBucket());
        writeLake(config.lakeFolder().resolve("staging/finance/expenses/dt=2024-01-15"));

        ComponentSpec spec = new ComponentCommands(config).trino();
        assertThat(spec.name()).isEqualTo("trino");
        ProcessLauncher launcher = new ProcessLauncher();
        trino = launcher.start(spec, config.layout().log("trino"));
        launcher.awaitHealthy(spec, trino, config.layout().log("trino"), Duration.ofSeconds(240));
        TrinoConnections.awaitReady(config.trinoJdbcUrl(), Duration.ofSeconds(240), trino::isAlive);
    }

    private static void writeLake(Path day) throws Exception {
        Files.createDirectories(day);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('e1', 'E1', 'sales', 12.50::DECIMAL(12,2), 'EUR', 'MEALS',"
                    + " TIMESTAMPTZ '2024-01-15 10:00:00+00', NULL), ('e2', 'E2', 'hr', 7.25::DECIMAL(12,2), 'EUR', 'TRAVEL',"
                    + " TIMESTAMPTZ '2024-01-15 11:00:00+00', 'taxi')) t(expense_id, employee_id, department, amount, currency,"
                    + " category, submitted_at, description)) TO '" + day.resolve("finance.staging.expenses+0+00000000000000000000.parquet")
                    + "' (FORMAT parquet)");
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (trino != null) {
            trino.destroy();
            if (!trino.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                trino.destroyForcibly();
            }
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private String[] sql(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 9];
        System.arraycopy(new String[] {"sql", "--engine", "trino", "--data-dir", data.toString(), "--zones", ZONES.toString(),
                "--trino-port", String.valueOf(config.trinoPort())}, 0, all, 0, 9);
        System.arraycopy(args, 0, all, 9, args.length);
        int rc = cli.execute(all);
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }

    @Test
    void sqlOnTrinoAnswersTheSavedQueryAsDuckDbDoes() {
        String query = ZONES.getParent().resolve("queries/finance/spend_per_department_per_month.sql").toString();
        String[] onTrino = sql("--format", "csv", "-f", query);
        assertThat(onTrino[0]).as(onTrino[2]).isEqualTo("0");
        assertThat(onTrino[1]).isEqualTo("""
                department,month,currency,claims,total,largest
                hr,2024-01,EUR,1,7.25,7.25
                sales,2024-01,EUR,1,12.50,12.50
                """);

        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("sql", "--engine", "duckdb", "--data-dir", data.toString(), "--zones", ZONES.toString(),
                "--format", "csv", "-f", query)).isZero();
        assertThat(out.toString()).isEqualTo(onTrino[1]);
    }

    @Test
    void trinoErrorsAreShownPlainlyAndWritesRefused() {
        String[] bad = sql("SELECT nope FROM finance_staging.expenses");
        assertThat(bad[0]).isEqualTo("1");
        assertThat(bad[2]).contains("error: Query failed: line 1:8: Column 'nope' cannot be resolved").doesNotContain("at io.");
        String[] drop = sql("DROP TABLE finance_staging.expenses");
        assertThat(drop[0]).isEqualTo("1");
        assertThat(drop[2]).contains("Access Denied");
        assertThat(sql("SELECT count(*) AS n FROM finance_staging.expenses")[1]).contains(" 2\n");
    }
}
