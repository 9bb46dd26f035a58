package io.tributary.ingest.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.PasswordGenerator;

/**
 * The test broker secured as the platform runs it (SASL/SCRAM-SHA-512, StandardAuthorizer, no access
 * without an ACL), its super user {@code tributary-platform} with a password made for this run. The
 * tests and the service log in as that user, which needs no ACLs; the service gets the login through
 * an owner-only file, as on the local platform, never through its command line.
 */
final class SecuredBroker implements AutoCloseable {
    private final Path dir;
    private final String password;
    private LocalKafkaBroker broker;
    private int port;

    private SecuredBroker(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Starts the broker with its log under {@code dir}/kafka; the settings file goes to {@code dir}/secrets. */
    static SecuredBroker start(Path dir) {
        SecuredBroker secured = new SecuredBroker(dir, new PasswordGenerator().next().reveal());
        secured.startOn(0);
        return secured;
    }

    private void startOn(int requestedPort) {
        broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), requestedPort, ZonePrincipal.PLATFORM_USER, password);
        port = broker.port();
    }

    /** Stops the broker, keeping its data: {@link #restart()} brings the same cluster back on the same port. */
    void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    void restart() {
        startOn(port);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Bootstrap and the platform user's SASL settings, for admin clients and consumers. */
    Map<String, Object> client() {
        return new HashMap<>(clientProperties());
    }

    /** {@link #client()} with a password the broker does not know. */
    Map<String, Object> clientWithWrongPassword() {
        Map<String, Object> client = client();
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + ZonePrincipal.PLATFORM_USER + "\" password=\"" + new PasswordGenerator().next().reveal() + "\";");
        return client;
    }

    /**
     * The service's Kafka login as the local platform writes it ({@code kafka.*} security keys in an
     * owner-only file), as the system property that points the service at it.
     */
    Map<String, String> ingestSettings(String name) throws IOException {
        Properties kafka = new Properties();
        clientProperties().forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                kafka.setProperty("kafka." + k, v);
            }
        });
        Path file = Files.createDirectories(dir.resolve("secrets")).resolve(name + "-ingest.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            kafka.store(out, null);
        }
        return Map.of("quarkus.config.locations", file.toUri().toString());
    }

    private Map<String, String> clientProperties() {
        if (broker == null) {
            throw new IllegalStateException("The broker on port " + port + " is stopped");
        }
        return broker.clientProperties();
    }

    @Override
    public void close() {
        stop();
    }
}
