package io.tributary.cli;

import java.util.concurrent.Callable;

import io.tributary.catalog.QueryResult;
import io.tributary.cli.platform.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Runs a read-only SQL query over the lake's tables <zone>_<stage>.<dataset> and prints the result.")
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<query>", description = "e.g. \"SELECT department, sum(amount) FROM finance_staging.expenses GROUP BY 1\"")
    String query;

    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformConfig config = options.config();
        QueryResult result = new LakeQuery(config.layout().s3Data().resolve(config.lakeBucket())).query(query);
        spec.commandLine().getOut().println(new io.tributary.catalog.TablePrinter().render(result));
        return 0;
    }
}
