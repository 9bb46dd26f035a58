package io.tributary.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.topics.holds.HoldEvent;
import io.tributary.topics.holds.HoldLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "steward", mixinStandardHelpOptions = true,
        description = {"Data steward holds: stop a dataset between staging and ods, and release it.",
                "While a dataset is held its records wait in staging; on release the zone's ods pipeline resumes where it paused. "
                        + "Holds are kept in _tributary.holds, every hold and release in _tributary.holds.audit."},
        subcommands = {StewardCommand.Hold.class, StewardCommand.Release.class, StewardCommand.ListHolds.class})
final class StewardCommand {

    static HoldLog holdLog(ClusterOptions cluster) {
        HoldLog log = new HoldLog(cluster.settings().asConfig());
        try {
            log.ensureTopics();
        } catch (IllegalStateException e) {
            // A steward's own login may not create topics: the platform creates them (`zones apply`, `up`).
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException)) {
                throw e;
            }
        }
        return log;
    }

    static String who(String by) {
        return by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
    }

    @Command(name = "hold", mixinStandardHelpOptions = true, description = "Holds a dataset: none of its records reaches ods until it is released.")
    static final class Hold implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<zone>.<dataset>")
        String dataset;

        @Option(names = "--reason", required = true, description = "Why (kept with the hold and in the audit trail)")
        String reason;

        @Option(names = "--by", description = "Who holds it (default: the current user)")
        String by;

        @Mixin
        ClusterOptions cluster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DatasetRef ref = DatasetRef.parse(dataset);
            if (reason.isBlank()) {
                throw new UserFacingException("--reason is empty: say why the dataset is held");
            }
            HoldLog log = holdLog(cluster);
            var current = log.current(ref.zone(), ref.dataset());
            if (current.isPresent() && current.get().isHold()) {
                throw new UserFacingException(ref + " is already held by " + current.get().by() + " since " + current.get().at() + ": "
                        + current.get().reason());
            }
            HoldEvent event = new HoldEvent(ref.zone(), ref.dataset(), HoldEvent.Action.HOLD, reason, who(by), Instant.now());
            log.append(event);
            spec.commandLine().getOut().println("Held " + ref + " (by " + event.by() + " at " + event.at() + "): " + reason);
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Releases a held dataset: its waiting records move on to ods.")
    static final class Release implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<zone>.<dataset>")
        String dataset;

        @Option(names = "--reason", description = "Why (kept in the audit trail)")
        String reason;

        @Option(names = "--by", description = "Who releases it (default: the current user)")
        String by;

        @Mixin
        ClusterOptions cluster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DatasetRef ref = DatasetRef.parse(dataset);
            HoldLog log = holdLog(cluster);
            var current = log.current(ref.zone(), ref.dataset());
            if (current.isEmpty() || !current.get().isHold()) {
                throw new UserFacingException(ref + " is not held");
            }
            HoldEvent event = new HoldEvent(ref.zone(), ref.dataset(), HoldEvent.Action.RELEASE, reason, who(by), Instant.now());
            log.append(event);
            spec.commandLine().getOut().println("Released " + ref + " (by " + event.by() + " at " + event.at() + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the datasets on hold (with --history: every hold and release).")
    static final class ListHolds implements Callable<Integer> {
        @Option(names = "--history", description = "Every hold and release ever made, oldest first")
        boolean history;

        @Mixin
        ClusterOptions cluster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            HoldLog log = holdLog(cluster);
            PrintWriter out = spec.commandLine().getOut();
            List<HoldEvent> events = history ? log.history() : log.held();
            if (events.isEmpty()) {
                out.println(history ? "No hold was ever made." : "No dataset is held.");
                return 0;
            }
            out.printf("%-32s %-8s %-24s %-20s %s%n", "DATASET", "ACTION", "AT", "BY", "REASON");
            for (HoldEvent e : events) {
                out.printf("%-32s %-8s %-24s %-20s %s%n", e.key(), e.action().id(), e.at(), e.by(), e.reason());
            }
            return 0;
        }
    }
}
