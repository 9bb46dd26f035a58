package io.tributary.cli;

import java.nio.file.Path;

import io.tributary.cli.platform.Installation;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformPorts;
import picocli.CommandLine.Option;

/** Where the local platform lives and which ports it uses; shared by the platform commands. */
public final class PlatformOptions {
    @Option(names = "--data-dir", description = "The local platform's data and logs (default: $TRIBUTARY_DATA or .tributary in the checkout)")
    Path dataDir;

    @Option(names = "--zones", description = "Folder of zone descriptors (default: examples/zones)")
    Path zonesDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--s3-port", defaultValue = "9000", description = "S3 API port (default: ${DEFAULT-VALUE})")
    int s3Port;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE})")
    int registryPort;

    @Option(names = "--connect-port", defaultValue = "8083", description = "Kafka Connect REST port (default: ${DEFAULT-VALUE})")
    int connectPort;

    @Option(names = "--processors-port", defaultValue = "8090", description = "First HTTP port of the zone processors (default: ${DEFAULT-VALUE})")
    int processorsPort;

    @Option(names = "--engine", description = "SQL engine: duckdb (embedded, the default of `up`) or trino (Trino 476, Athena's"
            + " engine; `up` starts it, downloading it once). `sql` uses Trino when the platform runs it, else DuckDB.")
    String engine;

    @Option(names = "--trino-port", defaultValue = "8085", description = "Trino HTTP port with --engine trino (default: ${DEFAULT-VALUE})")
    int trinoPort;

    @Option(names = "--ingest-port", defaultValue = "8091", description = "HTTP ingest service port (default: ${DEFAULT-VALUE})")
    int ingestPort;

    @Option(names = "--open", description = "Start the platform without security (no authentication, no ACLs): for quick tries only")
    boolean open;

    @Option(names = "--tls", description = "Serve Kafka over TLS (SASL_SSL) with a certificate signed by a local CA, made once in"
            + " <data-dir>/secrets/tls (clients trust its ca.crt, which client.properties and `client-config` name)")
    boolean tls;

    public PlatformConfig config() {
        Installation installation = Installation.current();
        Path data = dataDir != null ? dataDir
                : System.getenv("TRIBUTARY_DATA") != null ? Path.of(System.getenv("TRIBUTARY_DATA"))
                : installation.home().resolve(".tributary");
        Path zones = zonesDir != null ? zonesDir : installation.home().resolve("examples/zones");
        return PlatformConfig.defaults(installation, data.toAbsolutePath(), zones.toAbsolutePath(),
                new PlatformPorts(kafkaPort, s3Port, registryPort, connectPort, processorsPort))
                .withEngine(engine == null ? PlatformConfig.QueryEngine.DUCKDB : queryEngine(engine), trinoPort)
                .withIngestPort(ingestPort)
                .withSecurity(!open)
                .withTls(tlsChoice());
    }

    private boolean tlsChoice() {
        if (tls && open) {
            throw new UserFacingException("--tls needs the secured platform: drop --open (TLS without authentication is not offered)");
        }
        return tls;
    }

    /** The engine asked for with --engine, if any. */
    java.util.Optional<PlatformConfig.QueryEngine> engineChoice() {
        return java.util.Optional.ofNullable(engine).map(PlatformOptions::queryEngine);
    }

    static PlatformConfig.QueryEngine queryEngine(String name) {
        try {
            return PlatformConfig.QueryEngine.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--engine '" + name + "' is not an engine: duckdb or trino");
        }
    }
}
