package io.tributary.catalog.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local Trino 476 server for Athena parity: one coordinator that also works, the Hive connector
 * as catalog {@code hive} with a file metastore on local disk and native S3 pointed at the local
 * S3 server (path-style), and file-based access control: user {@value #ADMIN} keeps the tables,
 * every other user (analysts, {@value #ANALYST}) may only read. Runs on Java 25 in its own process.
 *
 * @param home      the unpacked server ({@code trino-server-core-476} with {@code plugin/trino-hive-476})
 * @param java      a Java 25 {@code java} executable
 * @param dataDir   where configuration, metastore, node data and logs go
 * @param heap      e.g. {@code 1G}
 */
public record TrinoServerConfig(Path home, Path java, Path dataDir, int httpPort, String s3Endpoint, String s3Region,
        String s3AccessKey, String s3SecretKey, String heap) {

    public static final String CATALOG = "hive";
    public static final String ADMIN = "tributary";
    public static final String ANALYST = "analyst";
    public static final String VERSION = "476";

    public Path etc() {
        return dataDir.resolve("etc");
    }

    public Path metastore() {
        return dataDir.resolve("metastore");
    }

    public Path serverLog() {
        return dataDir.resolve("server.log");
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public String jdbcUrl() {
        return "jdbc:trino://localhost:" + httpPort + "/" + CATALOG;
    }

    /** Writes the configuration files the server reads; existing ones are replaced, the metastore is kept. */
    public void writeConfiguration() {
        try {
            Files.createDirectories(etc().resolve("catalog"));
            Files.createDirectories(metastore());
            Files.createDirectories(dataDir.resolve("node"));
            write("config.properties", List.of(
                    "coordinator=true",
                    "node-scheduler.include-coordinator=true",
                    "http-server.http.port=" + httpPort,
                    "discovery.uri=http://127.0.0.1:" + httpPort,
                    // The node talks to itself over the loopback interface, never over the machine's network address.
                    "node.internal-address=127.0.0.1",
                    "plugin.dir=" + home.resolve("plugin").toAbsolutePath(),
                    "catalog.config-dir=" + etc().resolve("catalog").toAbsolutePath(),
                    "query.max-memory=512MB",
                    "query.max-memory-per-node=384MB",
                    "access-control.config-files=" + etc().resolve("access-control.properties").toAbsolutePath(),
                    // One machine, small data: fewer threads start faster and leave cores to the rest of the platform.
                    "task.concurrency=2",
                    "task.max-worker-threads=4"));
            write("access-control.properties", List.of(
                    "access-control.name=file",
                    "security.config-file=" + etc().resolve("rules.json").toAbsolutePath()));
            Files.writeString(etc().resolve("rules.json"), """
                    {
                      "catalogs": [
                        {"user": "%1$s", "catalog": ".*", "allow": "all"},
                        {"catalog": ".*", "allow": "read-only"}
                      ],
                      "procedures": [
                        {"user": "%1$s", "catalog": ".*", "schema": "system", "procedure": ".*", "privileges": ["EXECUTE"]}
                      ]
                    }
                    """.formatted(ADMIN));
            write("log.properties", List.of("io.trino=WARN", "io.trino.server.Server=INFO", "io.airlift=WARN"));
            write("catalog/" + CATALOG + ".properties", List.of(
                    "connector.name=hive",
                    "hive.metastore=file",
                    "hive.metastore.catalog.dir=local:///",
                    "fs.native-local.enabled=true",
                    "local.location=" + metastore().toAbsolutePath(),
                    "fs.native-s3.enabled=true",
                    "s3.endpoint=" + s3Endpoint,
                    "s3.region=" + s3Region,
                    "s3.path-style-access=true",
                    "s3.aws-access-key=" + s3AccessKey,
                    "s3.aws-secret-key=" + s3SecretKey,
                    "hive.storage-format=PARQUET",
                    "hive.parquet.use-column-names=true",
                    "hive.timestamp-precision=MILLISECONDS"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Trino's configuration into " + etc() + ": " + e.getMessage(), e);
        }
    }

    private void write(String file, List<String> lines) throws IOException {
        Files.writeString(etc().resolve(file), String.join("\n", lines) + "\n");
    }

    /** The command line that runs the server (after {@link #writeConfiguration()}). */
    public List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:ReservedCodeCacheSize=256M",
                "-Djdk.attach.allowAttachSelf=true",
                "--enable-native-access=ALL-UNNAMED",
                // Athena's session time zone: timestamps are read and shown as UTC wall clock.
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-Dconfig=" + etc().resolve("config.properties").toAbsolutePath(),
                "-Dlog.levels-file=" + etc().resolve("log.properties").toAbsolutePath(),
                "-Dlog.output-file=" + serverLog().toAbsolutePath(),
                "-Dlog.enable-console=false",
                "-Dnode.environment=tributary",
                "-Dnode.id=tributary-local",
                "-Dnode.data-dir=" + dataDir.resolve("node").toAbsolutePath(),
                "-cp", home.resolve("lib").toAbsolutePath() + "/*",
                "io.trino.server.TrinoServer"));
        return cmd;
    }

    /** Whether {@code home} holds an unpacked server with the Hive connector. */
    public static boolean isInstalled(Path home) {
        return Files.isDirectory(home.resolve("lib")) && Files.isDirectory(home.resolve("plugin").resolve("trino-hive-" + VERSION));
    }
}
