package io.tributary.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.topics.ApplyResult;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.ZonePlan;
import io.tributary.topics.ZoneTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "zones", mixinStandardHelpOptions = true, description = "Zones as code: plan and apply zone descriptors.",
        subcommands = {ZonesCommand.Plan.class, ZonesCommand.Apply.class, ZonesCommand.Validate.class})
final class ZonesCommand {

    /** Options every zones subcommand shares. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "<dir>", description = "Folder of zone descriptors (*.yaml)")
        Path dir;

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--cluster-profile", defaultValue = "single-node",
                description = "single-node (replication 1) or production (replication 3, min ISR 2); default: ${DEFAULT-VALUE}")
        String profile;

        ClusterProfile clusterProfile() {
            return switch (profile) {
                case "single-node" -> ClusterProfile.singleNode();
                case "production" -> ClusterProfile.production();
                default -> throw new UserFacingException("--cluster-profile: '" + profile + "' is not single-node or production");
            };
        }

        ZoneTopics connect() {
            return ZoneTopics.connect(cluster.settings(), new HttpSchemaRegistry(cluster.registryUrl), clusterProfile());
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks zone descriptors without touching a cluster.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir>")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);
            zones.forEach(z -> spec.commandLine().getOut().println("Zone " + z.zone() + ": " + z.datasets().size() + " dataset(s), valid."));
            return 0;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Shows what apply would change on the cluster and registry.")
    static final class Plan implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--delete-unmanaged", description = "Show deletion of zone topics absent from the descriptors")
        boolean deleteUnmanaged;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(target.dir);
            try (ZoneTopics topics = target.connect()) {
                List<ZonePlan> plans = topics.plan(zones);
                plans.forEach(p -> spec.commandLine().getOut().println(p.render(deleteUnmanaged)));
                return plans.stream().anyMatch(ZonePlan::hasProblems) ? 1 : 0;
            }
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Creates and alters topics and registers schemas; idempotent.")
    static final class Apply implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--delete-unmanaged", description = "Also delete zone topics absent from the descriptors (data is lost)")
        boolean deleteUnmanaged;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(target.dir);
            try (ZoneTopics topics = target.connect()) {
                List<ZonePlan> plans = topics.plan(zones);
                for (ZonePlan plan : plans) {
                    if (plan.hasProblems()) {
                        spec.commandLine().getErr().println(plan.render(deleteUnmanaged));
                        throw new UserFacingException("zone " + plan.zone() + ": the plan has problems; nothing was applied");
                    }
                }
                List<ApplyResult> results = topics.apply(plans, deleteUnmanaged);
                results.forEach(r -> spec.commandLine().getOut().println(r.render()));
                return 0;
            }
        }
    }
}
