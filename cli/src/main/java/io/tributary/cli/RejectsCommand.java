package io.tributary.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.rejects.RecentRejects;
import io.tributary.cli.rejects.Reject;
import io.tributary.cli.rejects.RejectSummary;
import io.tributary.model.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rejects", mixinStandardHelpOptions = true,
        description = "Shows a dataset's recent rejected records grouped by reason, with the rules and fields involved.")
final class RejectsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<zone>.<dataset>")
    String dataset;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--last", defaultValue = "1000", description = "Records read from the end of each partition (default: ${DEFAULT-VALUE})")
    int last;

    @Option(names = "--examples", defaultValue = "3", description = "Latest examples shown per reason (default: ${DEFAULT-VALUE})")
    int examples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (last < 1 || examples < 0) {
            throw new UserFacingException("--last must be at least 1 and --examples at least 0");
        }
        DatasetRef ref = DatasetRef.parse(dataset);
        String topic = ref.topic(Stage.REJECTED);
        List<Reject> rejects = new RecentRejects(cluster.settings()).read(topic, last, Duration.ofSeconds(30));
        PrintWriter out = spec.commandLine().getOut();
        if (rejects.isEmpty()) {
            out.println("No rejected records in " + topic + ".");
            out.flush();
            return 0;
        }
        out.println(rejects.size() + " rejected records of " + ref + " (the last " + last + " of each partition of " + topic + ")");
        out.println();
        RejectSummary.of(rejects, examples).print(out);
        return 0;
    }
}
