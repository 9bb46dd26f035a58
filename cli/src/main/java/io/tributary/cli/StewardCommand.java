package io.tributary.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.tributary.model.Names;
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
                        + "A zone's holds are kept in _tributary.<zone>.holds, every hold and release in _tributary.<zone>.holds.audit;"
                        + " the platform creates them (tributary up, tributary zones apply)."},
        subcommands = {StewardCommand.Hold.class, StewardCommand.Release.class, StewardCommand.ListHolds.class})
final class StewardCommand {

    /** The zone's hold log; its topics must exist: the platform creates them, a steward's login may not. */
    static HoldLog holdLog(ClusterOptions cluster, String zone) {
        java.util.Map<String, Object> client = cluster.settings().asConfig();
        HoldLog log = new HoldLog(client, zone);
        requireTopics(client, log);
        return log;
    }

    private static void requireTopics(java.util.Map<String, Object> client, HoldLog log) {
        try (Admin admin = Admin.create(client)) {
            admin.describeTopics(List.of(log.holdsTopic(), log.auditTopic())).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new UserFacingException("zone " + log.zone() + " has no hold topics (" + log.holdsTopic() + ", " + log.auditTopic()
                        + ") on this cluster: the platform creates them with `tributary zones apply` (or `tributary up`)."
                        + " Is the zone applied?");
            }
            throw new IllegalStateException("Cannot look up " + log.holdsTopic() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking up " + log.holdsTopic(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cluster did not describe " + log.holdsTopic() + " within 30 s", e);
        }
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
            HoldLog log = holdLog(cluster, ref.zone());
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
            HoldLog log = holdLog(cluster, ref.zone());
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the zone's datasets on hold (with --history: every hold and release).")
    static final class ListHolds implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<zone>", description = "The zone whose holds are listed")
        String zone;

        @Option(names = "--history", description = "Every hold and release ever made, oldest first")
        boolean history;

        @Mixin
        ClusterOptions cluster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Names.isValid(zone)) {
                throw new UserFacingException("'" + zone + "' is not a zone name (names match " + Names.RULE + "), e.g. finance");
            }
            HoldLog log = holdLog(cluster, zone);
            PrintWriter out = spec.commandLine().getOut();
            List<HoldEvent> events = history ? log.history() : log.held();
            if (events.isEmpty()) {
                out.println(history ? "No hold was ever made in zone " + zone + "." : "No dataset of zone " + zone + " is held.");
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
