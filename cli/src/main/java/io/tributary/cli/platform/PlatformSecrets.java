package io.tributary.cli.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tributary.local.LocalRuntimeException;
import io.tributary.local.tls.BrokerTls;
import io.tributary.local.tls.LocalCertificateAuthority;
import io.tributary.model.ClientSettings;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.PasswordGenerator;
import io.tributary.security.registry.RegistryUsersFile;

/**
 * The local platform's credentials when it runs secured (SASL/SCRAM-SHA-512 and ACLs): the
 * platform user's password in the secrets file (made once, kept across restarts), and owner-only
 * files through which each component gets its Kafka security settings, so that no password is
 * ever on a command line (which `ps` and `tributary status` show) or in a log.
 */
public final class PlatformSecrets {
    private static final List<String> SASL_KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config");
    private static final List<String> TLS_TRUST_KEYS = List.of("ssl.truststore.type", "ssl.truststore.location");

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
        writePlatformSettings(store);
        // The registry starts before the zones' credentials exist: at first it knows the platform alone,
        // which registers the zones' schemas; writeZoneSettings adds the zones' users (the registry reloads the file).
        RegistryUsersFile.from(store).write(List.of(), registryUsers());
        return ClientSettings.load(config.layout().clientProperties());
    }

    /**
     * The platform user's settings: its client properties (Kafka and registry, what the CLI and the
     * Connect worker log in with), the broker's credentials file, and the registry's and ingest
     * service's Kafka settings. Written at every start, from the secrets file (so a rotated password reaches them all).
     */
    public void writePlatformSettings(CredentialStore store) {
        ClientConfig platform = clientConfigs(store).forUser(ZonePrincipal.PLATFORM_USER, config.kafkaBootstrap(),
                config.registryUrl());
        platform.store(config.layout().clientProperties());
        Map<String, String> broker = new TreeMap<>(Map.of("user", ZonePrincipal.PLATFORM_USER,
                "password", store.require(ZonePrincipal.PLATFORM_USER).reveal()));
        if (config.tls()) {
            // A new server certificate at every start, from the CA kept in the secrets folder (made on the first TLS start).
            BrokerTls tls = LocalCertificateAuthority.loadOrCreate(tlsFolder())
                    .issueServerKeyStore(tlsFolder().resolve("broker.p12"), List.of("localhost", "127.0.0.1"));
            Map<String, String> settings = tls.brokerSettings();
            broker.put("tls.keystore.location", settings.get("ssl.keystore.location"));
            broker.put("tls.keystore.password", settings.get("ssl.keystore.password"));
            broker.put("tls.ca.location", tls.caCertificate().toAbsolutePath().toString());
        }
        writeOwnerOnly(brokerCredentials(), broker);
        writeOwnerOnly(componentSettings(ComponentCommands.REGISTRY), prefixed("kafka.", kafkaSecurity(platform)));
        writeOwnerOnly(componentSettings(ComponentCommands.INGEST), prefixed("kafka.", kafkaSecurity(platform)));
    }

    /**
     * After the zones' security is applied (their credentials exist): each zone's processors settings
     * (validator, canonicaliser and analytical roles), the ingest service's per-zone producer logins,
     * each zone's connect principal's settings (its sink connectors read with them), and the
     * registry's users file with every zone's users.
     */
    public void writeZoneSettings(List<ZoneDescriptor> zones, CredentialStore store) {
        ClientConfigs configs = clientConfigs(store);
        ClientConfig platform = configs.forUser(ZonePrincipal.PLATFORM_USER, config.kafkaBootstrap(), null);
        Map<String, String> ingest = new TreeMap<>(prefixed("kafka.", kafkaSecurity(platform)));
        for (ZoneDescriptor descriptor : zones) {
            String zone = descriptor.zone();
            ClientConfig validator = configs.forRole(zone, Role.VALIDATOR, config.kafkaBootstrap(), config.registryUrl());
            Map<String, String> processors = new TreeMap<>(prefixed("kafka-streams.", kafkaSecurity(validator)));
            processors.put("tributary.schema-registry.basic-auth-user-info", validator.asMap().get("basic.auth.user.info"));
            for (Role role : List.of(Role.CANONICALISER, Role.ANALYTICAL)) {
                ClientConfig login = configs.forRole(zone, role, config.kafkaBootstrap(), config.registryUrl());
                String prefix = "tributary.roles." + role.id() + ".";
                processors.putAll(prefixed(prefix + "kafka.", kafkaSecurity(login)));
                processors.put(prefix + "registry.basic-auth-user-info", login.asMap().get("basic.auth.user.info"));
            }
            writeOwnerOnly(processorsSettings(zone), processors);
            ingest.putAll(prefixed("tributary.ingest.zone." + zone + ".kafka.",
                    kafkaSecurity(configs.forRole(zone, Role.PRODUCER, config.kafkaBootstrap(), null))));
            configs.forRole(zone, Role.CONNECT, config.kafkaBootstrap(), config.registryUrl()).store(zoneConnectSettings(zone));
        }
        writeOwnerOnly(componentSettings(ComponentCommands.INGEST), ingest);
        RegistryUsersFile.from(store).write(zones, registryUsers());
    }

    /** Logins over the platform's protocol, with the local CA's certificate as every client's trust store when it runs TLS. */
    private ClientConfigs clientConfigs(CredentialStore store) {
        return config.tls()
                ? new ClientConfigs(store, "SASL_SSL", BrokerTls.clientTrust(tlsFolder().resolve(LocalCertificateAuthority.CA_CERTIFICATE)))
                : new ClientConfigs(store, "SASL_PLAINTEXT");
    }

    /**
     * The keys of a Kafka login in the settings files (protocol, SASL, and the trust store over TLS): what
     * a connector config names through the worker's file config provider.
     */
    public static List<String> kafkaLoginKeys(PlatformConfig config) {
        List<String> keys = new java.util.ArrayList<>(SASL_KEYS);
        if (config.tls()) {
            keys.addAll(TLS_TRUST_KEYS);
        }
        return keys;
    }

    /** The local CA (ca.crt, owner-only ca.key) and the broker's key store, when the platform runs TLS. */
    public Path tlsFolder() {
        return config.layout().secrets().resolve("tls");
    }

    /** The security keys of a login (protocol, SASL), without the bootstrap address and the registry's keys. */
    private static Map<String, String> kafkaSecurity(ClientConfig login) {
        Map<String, String> security = new TreeMap<>();
        login.asMap().forEach((k, v) -> {
            if (k.equals("security.protocol") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                security.put(k, v);
            }
        });
        return security;
    }

    /** The Kafka and registry logins of one zone's processors (validator, canonicaliser, analytical), read by its processors process. */
    public Path processorsSettings(String zone) {
        return componentSettings(zone + "-processors");
    }

    /** The registry's users (Jetty realm format, SHA-256 hashes), generated from the secrets file; the registry reloads it when it changes. */
    public Path registryUsers() {
        return config.layout().secrets().resolve("registry-users.properties");
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
