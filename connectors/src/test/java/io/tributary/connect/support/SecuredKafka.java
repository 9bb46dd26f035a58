package io.tributary.connect.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

import io.tributary.local.LocalConnectWorker;
import io.tributary.local.LocalKafkaBroker;

/**
 * The broker the integration tests share, secured as the platform runs it: SASL/SCRAM-SHA-512 and
 * ACLs (Kafka's StandardAuthorizer, deny when no ACL matches), with the platform's super user
 * {@value #PLATFORM_USER} and a password made for this run. Every client logs in as that user;
 * processes and connector configs read the login from owner-only files, never from a command
 * line or a stored connector config.
 */
public final class SecuredKafka implements AutoCloseable {
    public static final String PLATFORM_USER = "tributary-platform";
    /** The client settings that carry the login (bootstrap.servers aside). */
    private static final List<String> SECURITY_KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config");

    private final LocalKafkaBroker broker;
    private final Path secrets;
    private final Path clientFile;

    private SecuredKafka(LocalKafkaBroker broker, Path secrets, Path clientFile) {
        this.broker = broker;
        this.secrets = secrets;
        this.clientFile = clientFile;
    }

    /** Starts the broker under {@code dir/kafka}; the login files go to {@code dir/secrets}. */
    public static SecuredKafka start(Path dir) {
        LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, PLATFORM_USER, newPassword());
        Path secrets = dir.resolve("secrets");
        Properties login = new Properties();
        SECURITY_KEYS.forEach(k -> login.setProperty(k, requireSetting(broker.clientProperties(), k)));
        return new SecuredKafka(broker, secrets, ownerOnly(secrets.resolve("client.properties"), login));
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        // Hex: nothing the SCRAM format tool or a JAAS line would need escaped.
        return HexFormat.of().formatHex(bytes);
    }

    private static String requireSetting(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalStateException("The secured broker's client settings lack " + key + " (keys: " + settings.keySet() + ")");
        }
        return value;
    }

    /** Writes {@code settings} to a new file readable by its owner alone, as the platform keeps its secrets. */
    public static Path ownerOnly(Path file, Properties settings) {
        try {
            Files.createDirectories(file.getParent());
            // A file left by an earlier run (kept logs folders) is replaced, never reused with looser rights.
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                settings.store(out, null);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the owner-only settings file " + file, e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Bootstrap servers and the platform user's SASL login, for admin clients, producers and consumers. */
    public Map<String, String> clientProperties() {
        return broker.clientProperties();
    }

    /** {@link #clientProperties()} as a fresh {@link Properties} the caller may add to. */
    public Properties clientConfig() {
        return broker.clientConfig();
    }

    /**
     * Lists topics as the platform user with a wrong password and returns why that failed, or null if the
     * broker answered. A secured broker refuses the login (a {@code SaslAuthenticationException}); an open
     * one cannot even start a SCRAM exchange, so the failure would be another.
     */
    public Throwable listTopicsWithWrongPassword() {
        Map<String, Object> settings = new HashMap<>(clientProperties());
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", "SCRAM-SHA-512");
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + PLATFORM_USER + "\" password=\"not-the-platform-password\";");
        settings.put("default.api.timeout.ms", "10000");
        settings.put("request.timeout.ms", "5000");
        try (Admin admin = Admin.create(settings)) {
            admin.listTopics().names().get(15, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while logging in with a wrong password", e);
        }
    }

    /**
     * A Connect worker's overrides: its own clients and those it makes for connectors log in as the
     * platform, and connector configs may name secrets as {@code ${file:<path>:<key>}}; {@code extra} last.
     */
    public Map<String, String> workerOverrides(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(LocalConnectWorker.securityOverrides(clientProperties()));
        overrides.put("config.providers", "file");
        overrides.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        overrides.putAll(extra);
        return overrides;
    }

    /**
     * The login as a connector config's client settings under {@code prefix} (e.g. {@code landing.admin.}),
     * each naming the owner-only client file as {@code ${file:…}}: GET /connectors/x/config shows no password.
     */
    public Map<String, String> connectorClientSettings(String prefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        String file = clientFile.toAbsolutePath().toString();
        SECURITY_KEYS.forEach(k -> settings.put(prefix + k, "${file:" + file + ":" + k + "}"));
        return settings;
    }

    /**
     * The schema registry's Kafka login as {@code kafka.*} in an owner-only file, given to the process as the
     * system property returned here ({@code quarkus.config.locations=<file>}), as the local platform does.
     */
    public String registrySettings() {
        Properties kafka = new Properties();
        clientProperties().forEach((k, v) -> kafka.setProperty("kafka." + k, v));
        return "quarkus.config.locations=" + ownerOnly(secrets.resolve("registry.properties"), kafka).toUri();
    }

    @Override
    public void close() {
        broker.close();
    }
}
