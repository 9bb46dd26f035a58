package io.tributary.bench.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.tributary.bench.validator.BenchZone;
import io.tributary.benchmarks.BrokerProcess;
import io.tributary.local.RegistryProcess;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AclApplier;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.acl.AclPlanner;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.credentials.AuthenticationCheck;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;
import io.tributary.security.credentials.ScramCredentials;

/**
 * One run's broker (its own JVM), the packaged registry and the bench zone's topics, open or
 * secured. Secured as the platform secures a zone: the broker with SASL/SCRAM-SHA-512 and ACLs, the
 * zone's SCRAM credentials created, the ACLs of {@code ZoneAcls.desired} applied as the platform
 * (super user), and client settings for the zone's producer and validator.
 */
final class BenchCluster implements AutoCloseable {
    static final int PARTITIONS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SecurityMode mode;
    private final BrokerProcess broker;
    private final RegistryProcess registry;
    private final Map<String, Object> platformClient;
    private final Map<String, Object> producerClient;
    private final List<String> validatorProperties;
    private final int acls;
    private final Path secrets;

    private BenchCluster(SecurityMode mode, BrokerProcess broker, RegistryProcess registry, Map<String, Object> platformClient,
            Map<String, Object> producerClient, List<String> validatorProperties, int acls, Path secrets) {
        this.mode = mode;
        this.broker = broker;
        this.registry = registry;
        this.platformClient = platformClient;
        this.producerClient = producerClient;
        this.validatorProperties = validatorProperties;
        this.acls = acls;
        this.secrets = secrets;
    }

    static BenchCluster start(SecurityMode mode, Path dir, List<ZoneDescriptor> zones) throws Exception {
        Files.createDirectories(dir);
        return mode == SecurityMode.OPEN ? open(dir) : secured(dir, zones);
    }

    private static BenchCluster open(Path dir) throws Exception {
        BrokerProcess broker = BrokerProcess.start(dir);
        try {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            createTopics(client);
            RegistryProcess registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), dir);
            return new BenchCluster(SecurityMode.OPEN, broker, registry, client, client, List.of(), 0, null);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    private static BenchCluster secured(Path dir, List<ZoneDescriptor> zones) throws Exception {
        Path secrets = dir.resolve("secrets");
        Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        CredentialStore store = CredentialStore.open(secrets.resolve("credentials.json"));
        store.put(ZonePrincipal.PLATFORM_USER, new PasswordGenerator().next());
        Path brokerCredentials = OwnerOnlyProperties.write(secrets.resolve("broker.properties"), "",
                Map.of("user", ZonePrincipal.PLATFORM_USER, "password", store.require(ZonePrincipal.PLATFORM_USER).reveal()));
        BrokerProcess broker;
        try {
            broker = BrokerProcess.startSecured(dir, brokerCredentials);
        } catch (Exception | Error e) {
            deleteSecrets(secrets);
            throw e;
        }
        RegistryProcess registry = null;
        try {
            String bootstrap = broker.bootstrapServers();
            ClientConfigs configs = new ClientConfigs(store);
            ClientConfig platform = configs.forPlatform(bootstrap, null);
            createTopics(platform.asConfig());
            int acls = applyZoneSecurity(platform.asConfig(), store, zones);

            ClientConfig producer = configs.forRole(BenchZone.ZONE, Role.PRODUCER, bootstrap, null);
            ClientConfig validator = configs.forRole(BenchZone.ZONE, Role.VALIDATOR, bootstrap, null);
            AuthenticationCheck check = new AuthenticationCheck(TIMEOUT);
            check.verify(producer);
            check.verify(validator);

            // The registry keeps its schemas in Kafka as the platform; its HTTP API stays open in both runs (Kafka's security is measured).
            Path registrySettings = OwnerOnlyProperties.write(secrets.resolve("registry.properties"), "kafka.", security(platform));
            registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), bootstrap, dir,
                    "quarkus.config.locations=" + registrySettings.toUri());
            Path validatorSettings = OwnerOnlyProperties.write(secrets.resolve("validator.properties"), "kafka-streams.", security(validator));
            return new BenchCluster(SecurityMode.SECURED, broker, registry, platform.asConfig(), producer.asConfig(),
                    List.of("quarkus.config.locations=" + validatorSettings.toUri()), acls, secrets);
        } catch (Exception | Error e) {
            if (registry != null) {
                registry.close();
            }
            broker.close();
            deleteSecrets(secrets);
            throw e;
        }
    }

    /** The zone's SCRAM credentials, then its ACLs through plan and apply, as {@code tributary zones apply} does; @return ACLs created. */
    private static int applyZoneSecurity(Map<String, Object> platform, CredentialStore store, List<ZoneDescriptor> zones) {
        try (Admin admin = Admin.create(platform)) {
            new ScramCredentials(admin, store, TIMEOUT).ensure(ZoneAcls.principals(zones));
            AclPlan plan = new AclPlanner(admin, TIMEOUT).plan(zones);
            new AclApplier(admin, TIMEOUT).apply(plan);
            return plan.toCreate().size();
        }
    }

    /** A client config's security settings without its bootstrap servers (each component gets those on its own). */
    private static Map<String, String> security(ClientConfig config) {
        Map<String, String> settings = new TreeMap<>(config.asMap());
        settings.remove("bootstrap.servers");
        return settings;
    }

    private static void createTopics(Map<String, Object> platform) throws Exception {
        try (Admin admin = Admin.create(platform)) {
            admin.createTopics(List.of(BenchZone.LANDING, BenchZone.STAGING, BenchZone.REJECTED).stream()
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    SecurityMode mode() {
        return mode;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    /** Client settings of the platform (super user when secured): topic set-up and the benchmark's progress counting. */
    Map<String, Object> platformClient() {
        return new HashMap<>(platformClient);
    }

    /** Client settings of the zone's producer ({@code User:bench-producer} when secured). */
    Map<String, Object> producerClient() {
        return new HashMap<>(producerClient);
    }

    /** The validator's extra {@code -D} settings: where its security settings are ({@code User:bench-validator}), when secured. */
    List<String> validatorProperties() {
        return validatorProperties;
    }

    /** How many ACLs the zone's security applied (0 when open). */
    int acls() {
        return acls;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            registry.close();
        } finally {
            broker.close();
            deleteSecrets(secrets);
        }
    }

    /** The passwords are of no use once the broker is gone; the rest of the work folder (logs) stays for a look. */
    private static void deleteSecrets(Path secrets) {
        if (secrets == null) {
            return;
        }
        try (var files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(secrets);
        } catch (IOException e) {
            System.err.println("Could not delete the benchmark's secrets folder " + secrets + ": " + e.getMessage());
        }
    }
}
