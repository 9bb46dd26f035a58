package io.tributary.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.security.RoleArguments;
import io.tributary.cli.security.ZoneSecurity;
import io.tributary.cli.strimzi.StrimziZoneResources;
import io.tributary.cli.strimzi.StrimziZoneWriter;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.cloud.CloudPolicyWriter;
import io.tributary.topics.ApplyResult;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.StageTopicPolicy;
import io.tributary.topics.ZonePlan;
import io.tributary.topics.ZoneTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "zones", mixinStandardHelpOptions = true, description = "Zones as code: plan and apply zone descriptors.",
        subcommands = {ZonesCommand.Plan.class, ZonesCommand.Apply.class, ZonesCommand.Validate.class,
                ZonesCommand.RotateCredentials.class, ZonesCommand.Cloud.class, ZonesCommand.Render.class})
final class ZonesCommand {

    static ClusterProfile clusterProfile(String profile) {
        return switch (profile) {
            case "single-node" -> ClusterProfile.singleNode();
            case "production" -> ClusterProfile.production();
            default -> throw new UserFacingException("--cluster-profile: '" + profile + "' is not single-node or production");
        };
    }

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
            return ZonesCommand.clusterProfile(profile);
        }

        @Option(names = "--acls", defaultValue = "auto", paramLabel = "auto|on|off",
                description = "Manage the zones' ACLs and credentials: auto (when the client config authenticates with SASL), on, off;"
                        + " default: ${DEFAULT-VALUE}")
        String acls;

        boolean managesAcls() {
            return switch (acls) {
                case "auto" -> ZoneSecurity.authenticates(cluster.settings());
                case "on" -> true;
                case "off" -> false;
                default -> throw new UserFacingException("--acls: '" + acls + "' is not auto, on or off");
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
                if (target.managesAcls()) {
                    try (ZoneSecurity security = ZoneSecurity.connect(target.cluster.settings())) {
                        spec.commandLine().getOut().println(security.plan(zones).render());
                    }
                }
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

        @Mixin
        SecretsOption secrets;

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
                boolean acls = target.managesAcls();
                // The ACL plan is made before anything changes, so that a descriptor asking for forbidden access stops it all.
                try (ZoneSecurity security = acls ? ZoneSecurity.connect(target.cluster.settings()) : null) {
                    AclPlan aclPlan = acls ? security.plan(zones) : null;
                    List<ApplyResult> results = topics.apply(plans, deleteUnmanaged);
                    results.forEach(r -> spec.commandLine().getOut().println(r.render()));
                    if (acls) {
                        List<String> credentials = security.apply(zones, aclPlan, secrets.open());
                        spec.commandLine().getOut().println(aclPlan.hasChanges() ? aclPlan.render() : "ACLs: no changes.");
                        spec.commandLine().getOut().println(credentials.isEmpty() ? "Credentials: no changes."
                                : "Credentials set for " + String.join(", ", credentials) + " (passwords in " + secrets.path() + ")");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "rotate-credentials", mixinStandardHelpOptions = true,
            description = "Gives a zone role a new random password, on the cluster and in the secrets file; the old one stops working.")
    static final class RotateCredentials implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<zone>")
        String zone;

        @Parameters(index = "1", paramLabel = "<role>", description = "producer, validator, canonicaliser, analytical, connect, analyst, steward")
        String role;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        SecretsOption secrets;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ZonePrincipal principal = RoleArguments.principal(zone, role);
            try (ZoneSecurity security = ZoneSecurity.connect(cluster.settings())) {
                security.rotate(principal, secrets.open());
            }
            spec.commandLine().getOut().println("Rotated the credential of " + principal.userName() + "; the new password is in "
                    + secrets.path() + " (`tributary client-config " + zone + " " + role + "` prints the client properties).");
            return 0;
        }
    }

    @Command(name = "cloud", mixinStandardHelpOptions = true,
            description = "Writes the zones' AWS IAM policies, Lake Formation grants and a CloudFormation template that deploys them.")
    static final class Cloud implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir>", description = "Folder of zone descriptors (*.yaml)")
        Path dir;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>", description = "Folder to write the documents to")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);
            CloudPolicyWriter.write(zones, out);
            spec.commandLine().getOut().println("Wrote the cloud policies of " + zones.size() + " zone(s) to " + out
                    + " (" + CloudPolicyWriter.TEMPLATE_FILE + " deploys them).");
            return 0;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Writes every zone as Strimzi resources (KafkaTopic, and KafkaUser with its ACLs) for GitOps: one <zone>.yaml each.")
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir>", description = "Folder of zone descriptors (*.yaml)")
        Path dir;

        @Option(names = "--strimzi", required = true, paramLabel = "<out>", description = "Folder to write the resources to (the chart's zones/)")
        Path out;

        @Option(names = "--kinds", defaultValue = "topics,users", split = ",", paramLabel = "topics,users",
                description = "What to write: topics (KafkaTopic), users (KafkaUser with ACLs), or both; a chart that renders topics from"
                        + " its zone values takes users only. Default: ${DEFAULT-VALUE}")
        List<String> kinds;

        @Option(names = "--cluster", defaultValue = "tributary", description = "The Strimzi Kafka cluster's name (strimzi.io/cluster); default: ${DEFAULT-VALUE}")
        String cluster;

        @Option(names = "--cluster-profile", defaultValue = "production",
                description = "single-node (replication 1) or production (replication 3, min ISR 2); default: ${DEFAULT-VALUE}")
        String profile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ClusterProfile clusterProfile = ZonesCommand.clusterProfile(profile);
            if (!cluster.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                throw new UserFacingException("--cluster: '" + cluster + "' is not a Kubernetes name (lower case letters, digits, '-')");
            }
            List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);
            for (String kind : kinds) {
                if (!kind.equals("topics") && !kind.equals("users")) {
                    throw new UserFacingException("--kinds: '" + kind + "' is not topics or users");
                }
            }
            var resources = new StrimziZoneResources(cluster, StageTopicPolicy.defaults(clusterProfile))
                    .of(zones, kinds.contains("topics"), kinds.contains("users"));
            for (Path file : StrimziZoneWriter.write(resources, out)) {
                spec.commandLine().getOut().println("Wrote " + file);
            }
            return 0;
        }
    }
}
