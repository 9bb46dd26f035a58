package io.tributary.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.tributary.local.LocalKafkaBroker;

/**
 * A real single-node KRaft broker in this JVM, secured as the platform runs it (SASL/SCRAM-SHA-512,
 * ACLs, deny when no ACL matches) with {@value #PLATFORM_USER} as super user and a random password,
 * in a temporary folder removed on close.
 */
public final class TestBroker implements AutoCloseable {
    public static final String PLATFORM_USER = "tributary-platform";

    private final Path dataDir;
    private final LocalKafkaBroker broker;

    private TestBroker(Path dataDir, LocalKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    public static TestBroker start() {
        return start(0);
    }

    /** @param port the port to listen on; 0 picks a free one */
    public static TestBroker start(int port) {
        return start(port, randomPassword());
    }

    /**
     * Starts with a password chosen beforehand, for clients configured before their broker exists
     * (see {@link #platformLogin(String)}).
     */
    public static TestBroker start(int port, String platformPassword) {
        KafkaSaslProviders.useThisClassLoaders();
        try {
            Path dir = Files.createTempDirectory("registry-test-kafka");
            return new TestBroker(dir, LocalKafkaBroker.startSecured(dir, port, PLATFORM_USER, platformPassword));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password the format tool and the JAAS line accept as they are (URL-safe Base64). */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The client security settings of the platform user with {@code password} (right or wrong), without bootstrap.servers. */
    public static Map<String, String> platformLogin(String password) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("security.protocol", "SASL_PLAINTEXT");
        login.put("sasl.mechanism", "SCRAM-SHA-512");
        login.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + PLATFORM_USER + "\" password=\"" + password + "\";");
        return login;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** bootstrap.servers and the platform user's SASL login, for Kafka clients in this JVM. */
    public Map<String, String> clientProperties() {
        return broker.clientProperties();
    }

    /** {@link #clientProperties()} plus {@code extra}, as the {@code Map<String, Object>} Kafka clients take. */
    public Map<String, Object> clientProperties(Map<String, ?> extra) {
        Map<String, Object> props = new LinkedHashMap<>(broker.clientProperties());
        props.putAll(extra);
        return props;
    }

    /** {@link #clientProperties()} as the registry reads them: {@code kafka.<key>}. */
    public Map<String, String> registrySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        broker.clientProperties().forEach((key, value) -> settings.put("kafka." + key, value));
        return settings;
    }

    /**
     * Writes {@link #registrySettings()} to an owner-only ({@code rw-------}) properties file, for a
     * registry process started with {@code -Dquarkus.config.locations=<file>}: the password never
     * appears on a command line.
     */
    public Path writeRegistrySettings(Path file) {
        Properties settings = new Properties();
        settings.putAll(registrySettings());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                settings.store(out, "the registry's Kafka client, as the platform user");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the registry's Kafka settings to " + file, e);
        }
    }

    /** An owner-only settings file in this broker's temporary folder (see {@link #writeRegistrySettings(Path)}). */
    public Path registrySettingsFile() {
        Path file = dataDir.resolve("registry-kafka.properties");
        return Files.exists(file) ? file : writeRegistrySettings(file);
    }

    @Override
    public void close() {
        broker.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}
