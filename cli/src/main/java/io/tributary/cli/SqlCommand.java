package io.tributary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.tributary.catalog.QueryResult;
import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.SqlEngineException;
import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformConfig.QueryEngine;
import io.tributary.cli.sql.OutputFormat;
import io.tributary.cli.sql.SqlShell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs read-only SQL (Athena's dialect) over the lake's tables <zone>_<stage>.<dataset> and prints the result.",
                "Without a query it opens an interactive prompt with history.",
                "The engine is the platform's Trino when `up --engine trino` started it, else the embedded DuckDB; --engine chooses."})
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<query>",
            description = "e.g. \"SELECT department, sum(amount) FROM finance_staging.expenses GROUP BY 1\"")
    String query;

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", description = "Runs the query in this file (e.g. examples/queries/finance/top_categories.sql)")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "table (aligned, for people), csv (RFC 4180 with a header) or json (one object per line); default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--max-rows", defaultValue = "10000", description = "Rows fetched at most (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat output = outputFormat(format);
        if (maxRows < 1) {
            throw new UserFacingException("--max-rows must be at least 1 (got " + maxRows + ")");
        }
        PlatformConfig config = options.config();
        QueryEngine engine = options.engineChoice().orElseGet(() -> platformEngine(config));
        LakeQuery lake = LakeQuery.of(config, engine);
        String sql = statement();
        if (sql == null) {
            new SqlShell(lake::open, engineName(engine), config.layout().dataDir().resolve("sql_history"), output, maxRows).run();
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SqlEngine sqlEngine = lake.open()) {
            QueryResult result = sqlEngine.query(sql, maxRows);
            output.write(result, out);
        } catch (SqlEngineException e) {
            // The engine's own explanation, nothing more: the query was wrong, not the program.
            throw new UserFacingException(e.getMessage(), e);
        }
        out.flush();
        return 0;
    }

    private String statement() {
        if (query != null && file != null) {
            throw new UserFacingException("give a query or --file, not both");
        }
        if (file == null) {
            return query;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Trino when the running platform has it, else DuckDB. */
    private static QueryEngine platformEngine(PlatformConfig config) {
        boolean trinoUp = new LocalPlatform(config).status().stream()
                .anyMatch(s -> s.name().equals(ComponentCommands.TRINO) && s.state() == ComponentStatus.State.UP);
        return trinoUp ? QueryEngine.TRINO : QueryEngine.DUCKDB;
    }

    private static String engineName(QueryEngine engine) {
        return engine == QueryEngine.TRINO ? "Trino (local, Athena's engine)" : "DuckDB (embedded)";
    }

    static OutputFormat outputFormat(String name) {
        try {
            return OutputFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--format '" + name + "' is not a format: table, csv or json");
        }
    }
}
