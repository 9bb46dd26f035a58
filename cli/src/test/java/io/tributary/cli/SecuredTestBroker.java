package io.tributary.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.model.ClientSettings;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.PasswordGenerator;

/**
 * The test broker secured as the platform runs it (SASL/SCRAM-SHA-512, StandardAuthorizer, no access
 * without an ACL), its super user {@code tributary-platform} with a password made for this run. The
 * CLI gets that login as users do, through an owner-only {@code --client-config} file, never its command line.
 */
final class SecuredTestBroker implements AutoCloseable {
    private final LocalKafkaBroker broker;
    private final Path secrets;
    private final Path clientConfig;

    private SecuredTestBroker(LocalKafkaBroker broker, Path secrets, Path clientConfig) {
        this.broker = broker;
        this.secrets = secrets;
        this.clientConfig = clientConfig;
    }

    /** Starts the broker with its log under {@code dir}/kafka; the client config goes to {@code dir}/secrets. */
    static SecuredTestBroker start(Path dir) throws IOException {
        String password = new PasswordGenerator().next().reveal();
        LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ZonePrincipal.PLATFORM_USER, password);
        try {
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Path clientConfig = ownerOnly(secrets.resolve("client.properties"), broker.clientProperties());
            return new SecuredTestBroker(broker, secrets, clientConfig);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Bootstrap and the platform user's SASL settings, for the tests' own admin clients, producers and consumers. */
    Map<String, Object> client() {
        return new HashMap<>(broker.clientProperties());
    }

    /** The {@code --client-config} file of the platform user's login. */
    String clientConfig() {
        return clientConfig.toString();
    }

    /** A {@code --client-config} file naming the platform user with a password the broker does not know. */
    String clientConfigWithWrongPassword() throws IOException {
        Map<String, String> wrong = new HashMap<>(broker.clientProperties());
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + ZonePrincipal.PLATFORM_USER + "\" password=\"" + new PasswordGenerator().next().reveal() + "\";");
        return ownerOnly(secrets.resolve("wrong-password.properties"), wrong).toString();
    }

    private static Path ownerOnly(Path file, Map<String, String> properties) throws IOException {
        Files.deleteIfExists(file);
        // Created owner-only before anything is written, so the password is never readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        ClientSettings.of(properties).store(file);
        return file;
    }

    @Override
    public void close() {
        broker.close();
    }
}
