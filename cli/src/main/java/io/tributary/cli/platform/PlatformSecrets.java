package io.tributary.cli.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tributary.local.LocalRuntimeException;
import io.tributary.model.ClientSettings;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;

/**
 * The local platform's credentials when it runs secured (SASL/SCRAM-SHA-512 and ACLs): the
 * platform user's password in the secrets file (made once, kept across restarts), and owner-only
 * files through which each component gets its Kafka security settings, so that no password is
 * ever on a command line (which `ps` and `tributary status` show) or in a log.
 */
public final class PlatformSecrets {
    private static final String PROTOCOL = "SASL_PLAINTEXT";

    private final PlatformConfig config;

    public PlatformSecrets(PlatformConfig config) {
        this.config = config;
    }

    public CredentialStore store() {
        createOwnerOnlyFolder(config.layout().secrets());
        return CredentialStore.open(config.layout().secretsFile());
    }

    /**
     * Makes the platform user's password if there is none, writes every component's settings file,
     * and returns the platform's Kafka client settings (also written to client.properties).
     */
    public ClientSettings prepare() {
        CredentialStore store = store();
        if (store.password(ZonePrincipal.PLATFORM_USER).isEmpty()) {
            store.put(ZonePrincipal.PLATFORM_USER, new PasswordGenerator().next());
        }
        ClientConfig platform = new ClientConfigs(store, PROTOCOL).forUser(ZonePrincipal.PLATFORM_USER, config.kafkaBootstrap(), null);
        platform.store(config.layout().clientProperties());
        Map<String, String> security = new TreeMap<>(platform.asMap());
        security.remove("bootstrap.servers");
        writeOwnerOnly(brokerCredentials(), Map.of("user", ZonePrincipal.PLATFORM_USER,
                "password", store.require(ZonePrincipal.PLATFORM_USER).reveal()));
        writeOwnerOnly(componentSettings(ComponentCommands.REGISTRY), prefixed("kafka.", security));
        writeOwnerOnly(componentSettings(ComponentCommands.INGEST), prefixed("kafka.", security));
        writeOwnerOnly(componentSettings("validator"), prefixed("kafka-streams.", security));
        return ClientSettings.load(config.layout().clientProperties());
    }

    /**
     * Writes the client settings of each zone's connect principal (its credential must exist: after
     * the zones' security is applied), which the zone's sink connectors log in with.
     */
    public void writeZoneConnectSettings(java.util.List<String> zones, CredentialStore store) {
        ClientConfigs configs = new ClientConfigs(store, PROTOCOL);
        for (String zone : zones) {
            configs.forRole(zone, io.tributary.security.Role.CONNECT, config.kafkaBootstrap(), null).store(zoneConnectSettings(zone));
        }
    }

    /** A zone's connect principal's Kafka client settings. */
    public Path zoneConnectSettings(String zone) {
        return config.layout().secrets().resolve(zone + "-connect.properties");
    }

    /** The broker's own user and password (the super user), read by BrokerMain. */
    public Path brokerCredentials() {
        return config.layout().secrets().resolve("broker.properties");
    }

    /** A component's extra settings (Quarkus reads it through quarkus.config.locations). */
    public Path componentSettings(String component) {
        return config.layout().secrets().resolve(component + ".properties");
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private static void createOwnerOnlyFolder(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot create the secrets folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, Map<String, String> values) {
        Properties props = new Properties();
        props.putAll(values);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "written by tributary up; owner-only");
            }
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
