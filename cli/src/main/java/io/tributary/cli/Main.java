package io.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `tributary` command. */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "tributary 0.1.0-SNAPSHOT",
        description = "Kafka-native ingestion by insight zones: landing -> staging -> ods -> analytical, landed in S3 as Parquet.",
        subcommands = {UpCommand.class, StatusCommand.class, DownCommand.class, ZonesCommand.class, SqlCommand.class,
                DemoCommand.class, RejectsCommand.class, ReplayCommand.class, CatalogCommand.class, StewardCommand.class,
                IngestCommand.class, BatchesCommand.class, AccessCommand.class, ClientConfigCommand.class,
                ChaosCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }
}
