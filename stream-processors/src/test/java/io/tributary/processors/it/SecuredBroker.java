package io.tributary.processors.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.RegistryProcess;
import io.tributary.model.ClientSettings;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.PasswordGenerator;

/**
 * The test broker secured as the platform runs it (SASL/SCRAM-SHA-512, StandardAuthorizer, no access
 * without an ACL), its super user {@code tributary-platform} with a password made for this run. Tests,
 * the registry and the processors all log in as that user, which needs no ACLs; the login reaches the
 * processes through owner-only files, as on the local platform, never through their command lines.
 */
final class SecuredBroker implements AutoCloseable {
    private final LocalKafkaBroker broker;
    private final Path secrets;

    private SecuredBroker(LocalKafkaBroker broker, Path secrets) {
        this.broker = broker;
        this.secrets = secrets;
    }

    /** Starts the broker with its log under {@code dir}/kafka; settings files go to {@code dir}/secrets. */
    static SecuredBroker start(Path dir) throws IOException {
        String password = new PasswordGenerator().next().reveal();
        LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER, password);
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        return new SecuredBroker(broker, secrets);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Bootstrap and the platform user's SASL settings, for admin clients, producers, consumers and Kafka Streams. */
    Map<String, Object> client() {
        return new HashMap<>(broker.clientProperties());
    }

    /** {@link #client()} as the settings file every component takes ({@code zones apply} among them). */
    ClientSettings clientSettings() {
        return ClientSettings.of(broker.clientProperties());
    }

    /** {@link #client()} with a password the broker does not know. */
    Map<String, Object> clientWithWrongPassword() {
        Map<String, Object> client = client();
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + ZonePrincipal.PLATFORM_USER + "\" password=\"" + new PasswordGenerator().next().reveal() + "\";");
        return client;
    }

    /** The packaged registry, storing its schemas on this broker as the platform ({@code kafka.*} keys). */
    RegistryProcess startRegistry(Path logDir) throws IOException {
        Path settings = ownerOnly("registry.properties", securitySettings("kafka."));
        return RegistryProcess.start(RegistryProcess.requirePackagedJar(), bootstrapServers(), logDir,
                "quarkus.config.locations=" + settings.toUri());
    }

    /**
     * The processors' settings as the local platform writes them for a zone's validator, here as the
     * platform: Kafka Streams' {@code kafka-streams.*} security keys (its replays take the same).
     *
     * @return {@code quarkus.config.locations=<file>}, a system property for {@link ValidatorProcess}
     */
    List<String> validatorSettings(String name) throws IOException {
        Path settings = ownerOnly(name + "-processors.properties", securitySettings("kafka-streams."));
        return List.of("quarkus.config.locations=" + settings.toUri());
    }

    /** The security keys of the platform's login (no bootstrap: the processes get that on their command line), prefixed. */
    private Properties securitySettings(String prefix) {
        Properties p = new Properties();
        broker.clientProperties().forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                p.setProperty(prefix + k, v);
            }
        });
        return p;
    }

    private Path ownerOnly(String fileName, Properties properties) throws IOException {
        Path file = secrets.resolve(fileName);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
        return file;
    }

    @Override
    public void close() {
        broker.close();
    }
}
