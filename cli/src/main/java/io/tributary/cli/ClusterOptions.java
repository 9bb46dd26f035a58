package io.tributary.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.tributary.cli.platform.Installation;
import io.tributary.model.ClientSettings;
import io.tributary.registry.client.HttpSchemaRegistry;
import picocli.CommandLine.Option;

/**
 * Which cluster and registry a command talks to: by default the local platform's; otherwise a
 * Kafka client properties file (bootstrap, security) and a registry URL.
 */
public final class ClusterOptions {
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--client-config", description = "Kafka client properties (bootstrap.servers, security.protocol, sasl.*); default: the local platform's")
    Path clientConfig;

    @Option(names = "--bootstrap-server", description = "Kafka bootstrap address, when no client config is given")
    String bootstrapServer;

    @Option(names = "--registry-url", defaultValue = "http://localhost:8081", description = "Schema registry URL (default: ${DEFAULT-VALUE})")
    String registryUrl;

    /** The registry, logged in as the client config's {@code basic.auth.user.info} when it has one (as `tributary client-config` writes). */
    HttpSchemaRegistry registry() {
        return new HttpSchemaRegistry(registryUrl, settings().registryUserInfo().orElse(null), REGISTRY_TIMEOUT);
    }

    ClientSettings settings() {
        if (clientConfig != null) {
            if (!Files.isRegularFile(clientConfig)) {
                throw new UserFacingException("--client-config " + clientConfig + ": no such file");
            }
            return ClientSettings.load(clientConfig);
        }
        if (bootstrapServer != null) {
            return ClientSettings.plaintext(bootstrapServer);
        }
        Path local = Installation.current().home().resolve(".tributary/client.properties");
        String env = System.getenv("TRIBUTARY_DATA");
        if (env != null) {
            local = Path.of(env).resolve("client.properties");
        }
        return Files.isRegularFile(local) ? ClientSettings.load(local) : ClientSettings.plaintext("localhost:9092");
    }
}
