package io.tributary.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.batches.BatchCatalog;
import io.tributary.cli.batches.BatchEntry;
import io.tributary.cli.batches.BatchesTopicReader;
import io.tributary.model.PlatformTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "Lists a dataset's batches (files that arrived, explicit batches) with their status: ARRIVED, PROMOTED or REJECTED.")
final class BatchesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<zone>.<dataset>")
    String dataset;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--topic", description = "Batch topic (default: the dataset's zone's, _tributary.<zone>.batches)")
    String topic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatasetRef ref = DatasetRef.parse(dataset);
        BatchCatalog catalog = new BatchCatalog(ref.zone(), ref.dataset());
        try {
            String batches = topic != null ? topic : PlatformTopics.batches(ref.zone());
            new BatchesTopicReader(cluster.settings()).readInto(batches, catalog, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        print(ref, catalog.entries(), spec.commandLine().getOut());
        return 0;
    }

    static void print(DatasetRef ref, List<BatchEntry> entries, PrintWriter out) {
        if (entries.isEmpty()) {
            out.println("No batches of " + ref + " yet.");
            out.flush();
            return;
        }
        out.println(entries.size() + " batch(es) of " + ref + ":");
        out.printf("%-9s %-25s %8s %10s  %-45s %s%n", "STATUS", "ARRIVED AT", "RECORDS", "BYTES", "BATCH", "SOURCE / REASON");
        for (BatchEntry e : entries) {
            String detail = e.reason().isEmpty() ? e.source() : e.source() + "  " + e.reason() + ": " + e.message();
            out.printf("%-9s %-25s %8d %10s  %-45s %s%n", e.status(), e.arrivedAt() == null ? "-" : e.arrivedAt(), e.records(),
                    e.size() < 0 ? "-" : String.valueOf(e.size()), e.batchId(), detail);
        }
        out.flush();
    }
}
