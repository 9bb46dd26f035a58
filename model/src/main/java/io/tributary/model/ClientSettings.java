package io.tributary.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings shared by every component: bootstrap address and whatever security the
 * cluster needs ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}). Components take them
 * from a properties file, so turning security on is a change of configuration, not of code.
 */
public final class ClientSettings {
    private final Map<String, String> properties;

    private ClientSettings(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    public static ClientSettings of(Map<String, String> properties) {
        if (!properties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("Kafka client settings lack bootstrap.servers");
        }
        return new ClientSettings(properties);
    }

    public static ClientSettings plaintext(String bootstrapServers) {
        return of(Map.of("bootstrap.servers", bootstrapServers, "security.protocol", "PLAINTEXT"));
    }

    public static ClientSettings load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read Kafka client settings from " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
        if (!map.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException(file + ": Kafka client settings lack bootstrap.servers");
        }
        return new ClientSettings(map);
    }

    public void store(Path file) {
        Properties props = new Properties();
        props.putAll(properties);
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(writer, "Kafka client settings used by every Tributary component");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write Kafka client settings to " + file + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return properties.get("bootstrap.servers");
    }

    /** The Kafka client settings as a client configuration map: without the registry's keys, which Kafka clients do not know. */
    public Map<String, Object> asConfig() {
        return new TreeMap<>(kafkaOnly());
    }

    /**
     * The Kafka client settings alone: a properties file from {@code tributary client-config} also holds the
     * schema registry's keys ({@code schema.registry.url}, {@code basic.auth.*}), as Confluent's serializers take them.
     */
    public Map<String, String> kafkaOnly() {
        Map<String, String> kafka = new TreeMap<>(properties);
        kafka.keySet().removeIf(ClientSettings::isRegistryKey);
        return kafka;
    }

    /** The registry login ({@code user:password}) these settings carry, if any. */
    public java.util.Optional<String> registryUserInfo() {
        return java.util.Optional.ofNullable(properties.get("basic.auth.user.info")).filter(s -> !s.isBlank());
    }

    private static boolean isRegistryKey(String key) {
        return key.equals("schema.registry.url") || key.startsWith("basic.auth.");
    }

    public Map<String, String> asMap() {
        return properties;
    }
}
