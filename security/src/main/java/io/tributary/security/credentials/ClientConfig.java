package io.tributary.security.credentials;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kafka and schema-registry client properties of one user, usable as they are by producers,
 * consumers, Admin, Kafka Streams and Confluent's serializers. Its {@link #toString()} masks
 * the properties holding the password.
 */
public final class ClientConfig {
    /** Properties whose values contain the password. */
    static final Set<String> SECRET_KEYS = Set.of("sasl.jaas.config", "basic.auth.user.info");

    private final String user;
    private final Map<String, String> properties;

    ClientConfig(String user, Map<String, String> properties) {
        this.user = user;
        this.properties = Map.copyOf(properties);
    }

    public String user() {
        return user;
    }

    public Map<String, String> asMap() {
        return new TreeMap<>(properties);
    }

    /** The properties as Kafka clients' constructors take them. */
    public Map<String, Object> asConfig() {
        return new TreeMap<>(properties);
    }

    public Properties asProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        return props;
    }

    /** Writes the properties to an owner-only file ({@code rw-------}), e.g. a component's client.properties. */
    public void store(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                asProperties().store(writer, "Kafka client settings of " + user);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CredentialException("Cannot write the client settings of " + user + " to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(new TreeMap<>(properties));
        SECRET_KEYS.forEach(k -> shown.computeIfPresent(k, (key, v) -> "[hidden]"));
        return "ClientConfig[" + user + ", " + shown + "]";
    }
}
