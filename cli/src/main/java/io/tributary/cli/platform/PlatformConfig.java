package io.tributary.cli.platform;

import java.nio.file.Path;
import java.time.Duration;

/** What `tributary up` starts and where. */
public record PlatformConfig(
        Installation installation,
        PlatformLayout layout,
        Path zonesDir,
        PlatformPorts ports,
        String lakeBucket,
        String s3AccessKey,
        String s3SecretKey,
        Duration startTimeout,
        SinkSettings sink,
        QueryEngine engine,
        int trinoPort,
        int ingestPort,
        boolean secured,
        boolean tls) {

    public static final String LAKE_BUCKET = "lake";
    public static final int TRINO_PORT = 8085;
    /** The HTTP ingest service's port (`tributary up --ingest-port`). */
    public static final int INGEST_PORT = 8091;

    /** The SQL engines analysts query the lake with locally. */
    public enum QueryEngine {
        /** Embedded DuckDB: nothing to start, the default. */
        DUCKDB,
        /** Trino 476, Athena's engine, started by `tributary up --engine trino`. */
        TRINO
    }

    public static PlatformConfig defaults(Installation installation, Path dataDir, Path zonesDir, PlatformPorts ports) {
        return new PlatformConfig(installation, new PlatformLayout(dataDir), zonesDir, ports, LAKE_BUCKET,
                "tributary", "tributary-local-secret", Duration.ofSeconds(90), SinkSettings.LOCAL, QueryEngine.DUCKDB, TRINO_PORT,
                INGEST_PORT, true, false);
    }

    /** The same platform with another query engine. */
    public PlatformConfig withEngine(QueryEngine newEngine, int newTrinoPort) {
        return new PlatformConfig(installation, layout, zonesDir, ports, lakeBucket, s3AccessKey, s3SecretKey, startTimeout, sink,
                newEngine, newTrinoPort, ingestPort, secured, tls);
    }

    /** The same platform with the ingest service on another port. */
    public PlatformConfig withIngestPort(int newIngestPort) {
        return new PlatformConfig(installation, layout, zonesDir, ports, lakeBucket, s3AccessKey, s3SecretKey, startTimeout, sink,
                engine, trinoPort, newIngestPort, secured, tls);
    }

    /**
     * The same platform secured (SASL/SCRAM-SHA-512 on the broker, ACLs from the descriptors, the
     * default) or open (no authentication, no authorisation: for quick tries only).
     */
    public PlatformConfig withSecurity(boolean newSecured) {
        return new PlatformConfig(installation, layout, zonesDir, ports, lakeBucket, s3AccessKey, s3SecretKey, startTimeout, sink,
                engine, trinoPort, ingestPort, newSecured, tls && newSecured);
    }

    /**
     * The same platform with its Kafka listener over TLS ({@code SASL_SSL}, a certificate signed by a
     * CA made in the secrets folder) or not; TLS comes only with the secured platform.
     */
    public PlatformConfig withTls(boolean newTls) {
        if (newTls && !secured) {
            throw new IllegalArgumentException("TLS needs the secured platform: --tls cannot be combined with --open");
        }
        return new PlatformConfig(installation, layout, zonesDir, ports, lakeBucket, s3AccessKey, s3SecretKey, startTimeout, sink,
                engine, trinoPort, ingestPort, secured, newTls);
    }

    /** The Kafka clients' security protocol: SASL_SSL, SASL_PLAINTEXT, or PLAINTEXT when open. */
    public String kafkaSecurityProtocol() {
        return !secured ? "PLAINTEXT" : tls ? "SASL_SSL" : "SASL_PLAINTEXT";
    }

    public String ingestUrl() {
        return "http://localhost:" + ingestPort;
    }

    /** The lake bucket's folder: the S3 server keeps each object as a plain file there. */
    public Path lakeFolder() {
        return layout.s3Data().resolve(lakeBucket);
    }

    public String trinoJdbcUrl() {
        return "jdbc:trino://localhost:" + trinoPort + "/hive";
    }

    public String kafkaBootstrap() {
        return "localhost:" + ports.kafka();
    }

    public String registryUrl() {
        return "http://localhost:" + ports.registry();
    }

    public String s3Endpoint() {
        return "http://localhost:" + ports.s3();
    }

    public String connectUrl() {
        return "http://localhost:" + ports.connect();
    }

    /**
     * Rotation of the local sink: small files and a short wall-clock interval, so data is
     * queryable seconds after it lands. A production deployment rotates far less often.
     */
    public record SinkSettings(int flushSize, long rotateScheduleIntervalMs) {
        public static final SinkSettings LOCAL = new SinkSettings(10_000, 3_000);
    }
}
