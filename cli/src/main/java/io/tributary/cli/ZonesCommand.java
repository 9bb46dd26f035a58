package io.tributary.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.platform.PlatformTopicsSetup;
import io.tributary.cli.platform.PlatformPasswordFiles;
import io.tributary.cli.security.RoleArguments;
import io.tributary.cli.security.ZoneSecurity;
import io.tributary.cli.strimzi.PasswordSecrets;
import io.tributary.cli.strimzi.PasswordSecretsFile;
import io.tributary.cli.strimzi.StrimziZoneResources;
import io.tributary.cli.strimzi.StrimziZoneWriter;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.cloud.CloudPolicyWriter;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.Secret;
import io.tributary.security.registry.RegistryUsersFile;
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
                ZonesCommand.RotateCredentials.class, ZonesCommand.Cloud.class, ZonesCommand.Render.class,
                ZonesCommand.RegistryUsers.class, ZonesCommand.WritePasswordSecrets.class})
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
            return ZoneTopics.connect(cluster.settings(), cluster.registry(), clusterProfile());
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
                    // Each zone's platform topics, which no zone role may create and its processors wait for.
                    List<String> created = PlatformTopicsSetup.ensurePlatformTopics(target.cluster.settings(), zones);
                    spec.commandLine().getOut().println(created.isEmpty() ? "Platform topics: no changes."
                            : "Platform topics created: " + String.join(", ", created));
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
            description = {"Gives a zone role a new random password, on the cluster and in the secrets file; the old one stops working.",
                    "With --platform, the platform's own user instead: on a local platform its settings files are rewritten too;"
                            + " restart it (tributary down, tributary up) so that every component logs in with the new password."})
    static final class RotateCredentials implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<zone>")
        String zone;

        @Parameters(index = "1", arity = "0..1", paramLabel = "<role>",
                description = "producer, validator, canonicaliser, analytical, connect, analyst, steward")
        String role;

        @Option(names = "--platform", description = "Rotate the platform's own user (tributary-platform), the super user")
        boolean platform;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        SecretsOption secrets;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (platform) {
                if (zone != null) {
                    throw new UserFacingException("--platform rotates the platform's own user: give no <zone> <role> with it");
                }
                return rotatePlatform();
            }
            if (zone == null || role == null) {
                throw new UserFacingException("Give <zone> <role> (e.g. finance producer), or --platform for the platform's own user");
            }
            ZonePrincipal principal = RoleArguments.principal(zone, role);
            CredentialStore store = secrets.open();
            java.util.Optional<Secret> old = store.password(principal.userName());
            try (ZoneSecurity security = ZoneSecurity.connect(cluster.settings())) {
                security.rotate(principal, store);
            }
            var out = spec.commandLine().getOut();
            out.println("Rotated the credential of " + principal.userName() + "; the new password is in "
                    + secrets.path() + " (`tributary client-config " + zone + " " + role + "` prints the client properties).");
            old.ifPresent(password -> rewriteLocalFiles(password, store.require(principal.userName()),
                    "its components read their settings when they start: restart the platform (`tributary down`, then `tributary up`)"));
            return 0;
        }

        /** On a local platform, the settings files and the registry's users file that hold the old password get the new one. */
        private void rewriteLocalFiles(Secret old, Secret fresh, String restart) {
            PlatformPasswordFiles.ofSecretsFile(secrets.path()).ifPresent(files -> {
                List<Path> rewritten = files.replace(old, fresh);
                if (!rewritten.isEmpty()) {
                    spec.commandLine().getOut().println("Rewrote " + rewritten.size() + " file(s) of the local platform with it: "
                            + rewritten.stream().map(p -> p.getFileName().toString()).toList() + " (the registry reloads its users;"
                            + " " + restart + ").");
                }
            });
        }

        private int rotatePlatform() {
            CredentialStore store = secrets.open();
            Secret old = store.password(ZonePrincipal.PLATFORM_USER).orElseThrow(() -> new UserFacingException(
                    secrets.path() + " holds no password of " + ZonePrincipal.PLATFORM_USER + ": is it the platform's secrets file?"));
            // The admin logs in with the current password, then sets the new one through that session.
            try (ZoneSecurity security = ZoneSecurity.connect(cluster.settings())) {
                security.rotatePlatform(store);
            }
            Secret fresh = store.require(ZonePrincipal.PLATFORM_USER);
            var out = spec.commandLine().getOut();
            out.println("Rotated the credential of " + ZonePrincipal.PLATFORM_USER + "; the new password is in " + secrets.path() + ".");
            if (PlatformPasswordFiles.ofSecretsFile(secrets.path()).isPresent()) {
                rewriteLocalFiles(old, fresh, "restart the platform, `tributary down`, then `tributary up`, so that every component logs in with"
                        + " it: running components keep their sessions, but a new connection with the old password fails");
            } else {
                out.println("Give the new password to every component that logs in as " + ZonePrincipal.PLATFORM_USER
                        + " (the broker's inter-broker login, Connect workers, the registry's Kafka store) and restart them.");
            }
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
            description = "Writes every zone as Strimzi resources (KafkaTopic for its topics and its three platform topics"
                    + " _tributary.<zone>.*, and KafkaUser with its ACLs) for GitOps: one <zone>.yaml each.")
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir>", description = "Folder of zone descriptors (*.yaml)")
        Path dir;

        @Option(names = "--strimzi", required = true, paramLabel = "<out>", description = "Folder to write the resources to (the chart's zones/)")
        Path out;

        @Option(names = "--kinds", defaultValue = "topics,users", split = ",", paramLabel = "topics,users",
                description = "What to write: topics (KafkaTopic, the zone's platform topics too), users (KafkaUser with ACLs), or both; a chart that renders topics from"
                        + " its zone values takes users only. Default: ${DEFAULT-VALUE}")
        List<String> kinds;

        @Option(names = "--cluster", defaultValue = "tributary", description = "The Strimzi Kafka cluster's name (strimzi.io/cluster); default: ${DEFAULT-VALUE}")
        String cluster;

        @Option(names = "--cluster-profile", defaultValue = "production",
                description = "single-node (replication 1) or production (replication 3, min ISR 2); default: ${DEFAULT-VALUE}")
        String profile;

        @Option(names = "--password-secrets",
                description = {"Every KafkaUser reads its password from the Secret <user>-password (key password) instead of Strimzi"
                        + " generating one; `tributary zones password-secrets` writes those Secrets from the secrets file."})
        boolean passwordSecrets;

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
            if (passwordSecrets && !kinds.contains("users")) {
                throw new UserFacingException("--password-secrets sets the KafkaUsers' passwords, but --kinds " + String.join(",", kinds)
                        + " writes no users");
            }
            var strimzi = new StrimziZoneResources(cluster, StageTopicPolicy.defaults(clusterProfile));
            var resources = (passwordSecrets ? strimzi.withPasswordSecrets() : strimzi)
                    .of(zones, kinds.contains("topics"), kinds.contains("users"));
            for (Path file : StrimziZoneWriter.write(resources, out)) {
                spec.commandLine().getOut().println("Wrote " + file);
            }
            return 0;
        }
    }

    @Command(name = "registry-users", mixinStandardHelpOptions = true,
            description = {"Writes the schema registry's users file (authentication.users.file) for the zones, from the secrets file:",
                    "every zone role and the platform, passwords as SHA-256 hashes. In Kubernetes it is the key users.properties"
                            + " of the Secret named by the chart's registry.authentication.usersSecret."})
    static final class RegistryUsers implements Callable<Integer> {
        @Mixin
        SecretsExportOptions export;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = export.zones("users.properties");
            // Refuses before writing anything when a user has no password, naming every such user.
            RegistryUsersFile.from(export.secrets()).write(zones, export.out());
            spec.commandLine().getOut().println("Wrote the registry users of " + zones.size() + " zone(s) to " + export.out()
                    + " (owner-only; kubectl create secret generic <name> --from-file=users.properties=" + export.out() + ")");
            return 0;
        }
    }

    @Command(name = "password-secrets", mixinStandardHelpOptions = true,
            description = {"Writes the Kubernetes Secrets that KafkaUsers rendered with `zones render --strimzi --password-secrets` read:",
                    "one Secret <user>-password (key password) per role of every zone, from the secrets file, into one owner-only"
                            + " YAML file to kubectl apply (never to commit)."})
    static final class WritePasswordSecrets implements Callable<Integer> {
        @Mixin
        SecretsExportOptions export;

        @Option(names = {"-n", "--namespace"}, paramLabel = "<namespace>",
                description = "The KafkaUsers' namespace, set on every Secret; default: none (kubectl's -n decides)")
        String namespace;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ZoneDescriptor> zones = export.zones("password-secrets.yaml");
            // Refuses before writing anything when a user has no password, naming every such user.
            var byZone = PasswordSecrets.from(export.secrets(), namespace).of(zones);
            int count = PasswordSecretsFile.write(byZone, export.out());
            spec.commandLine().getOut().println("Wrote the password Secrets of " + count + " user(s) of " + zones.size() + " zone(s) to "
                    + export.out() + " (owner-only; kubectl apply -f " + export.out() + ", then delete it)");
            return 0;
        }
    }
}
