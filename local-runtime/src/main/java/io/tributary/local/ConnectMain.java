package io.tributary.local;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tributary.model.ClientSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The local platform's Kafka Connect worker process; plugins come from its class path. */
@Command(name = "connect", mixinStandardHelpOptions = true, description = "Runs a distributed-mode Kafka Connect worker.")
public final class ConnectMain implements Callable<Integer> {
    @Option(names = "--client-config", required = true, description = "Kafka client settings (bootstrap, security)")
    Path clientConfig;

    @Option(names = "--port", defaultValue = "8083", description = "REST port")
    int port;

    @Option(names = "--plugin-path", description = "Folders of Connect plugins (plugin.path); plugins are isolated from each other")
    java.util.List<Path> pluginPath = java.util.List.of();

    @Override
    public Integer call() {
        ClientSettings settings = ClientSettings.load(clientConfig);
        java.util.Map<String, String> overrides = new java.util.HashMap<>(LocalConnectWorker.securityOverrides(settings.kafkaOnly()));
        // Connector configs name secrets as ${file:<path>:<key>} rather than holding them (GET /connectors/x/config shows configs).
        overrides.put("config.providers", "file");
        overrides.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        // A connector may run as its zone's principal (producer./consumer./admin.override.* in its config).
        overrides.put("connector.client.config.override.policy", "All");
        if (!pluginPath.isEmpty()) {
            for (Path p : pluginPath) {
                if (!java.nio.file.Files.isDirectory(p)) {
                    throw new LocalRuntimeException("--plugin-path " + p + " is not a folder");
                }
            }
            overrides.put("plugin.path", String.join(",", pluginPath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        return ComponentMain.runUntilStopped("Kafka Connect worker",
                () -> LocalConnectWorker.start(settings.bootstrapServers(), port, overrides));
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new ConnectMain()).execute(args);
        System.exit(rc);
    }
}
