package io.tributary.cli.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tributary.catalog.trino.TrinoServerConfig;
import io.tributary.model.ClientSettings;

/** The command line of each component process of the local platform. */
public final class ComponentCommands {
    public static final String BROKER = "kafka-broker";
    public static final String S3 = "s3";
    public static final String REGISTRY = "schema-registry";
    public static final String CONNECT = "connect";
    public static final String TRINO = "trino";
    public static final String INGEST = "ingest";
    /** A zone credentials file for the local ingest service; without it the service runs open (it says so in its log). */
    public static final String INGEST_CREDENTIALS_ENV = "TRIBUTARY_INGEST_CREDENTIALS";

    private final PlatformConfig config;
    private final PlatformSecrets secrets;

    public ComponentCommands(PlatformConfig config) {
        this.config = config;
        this.secrets = new PlatformSecrets(config);
    }

    public static String validatorName(String zone) {
        return zone + "-validator";
    }

    public ComponentSpec broker() {
        PlatformLayout layout = config.layout();
        List<String> args = new ArrayList<>(List.of("--data-dir=" + layout.kafkaData(), "--port=" + config.ports().kafka()));
        if (config.secured()) {
            args.add("--credentials-file=" + secrets.brokerCredentials());
        }
        return new ComponentSpec(BROKER, config.kafkaBootstrap() + (config.secured() ? " (" + config.kafkaSecurityProtocol() + ", SCRAM-SHA-512, ACLs)" : " (open)"),
                javaMain("512m", "io.tributary.local.BrokerMain", args.toArray(String[]::new)),
                HealthCheck.tcp(config.ports().kafka()));
    }

    public ComponentSpec s3() {
        return new ComponentSpec(S3, config.s3Endpoint() + " (bucket " + config.lakeBucket() + ", files in " + config.layout().s3Data() + ")",
                javaMain("256m", "io.tributary.local.S3Main",
                        "--data-dir=" + config.layout().s3Data(), "--port=" + config.ports().s3(),
                        "--access-key=" + config.s3AccessKey(), "--secret-key=" + config.s3SecretKey(),
                        "--bucket=" + config.lakeBucket(), "--bucket=" + IngressConnectorConfigs.BUCKET),
                HealthCheck.tcp(config.ports().s3()));
    }

    public ComponentSpec registry(ClientSettings kafka) {
        List<String> cmd = new ArrayList<>(javaBase("256m"));
        cmd.add("-Dquarkus.http.port=" + config.ports().registry());
        cmd.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        if (config.secured()) {
            // The same identities as on Kafka, and the same zone boundaries for subjects (docs/security.md, "Registry
            // authorization"); the users file is generated from the secrets file and reloaded when it changes.
            cmd.add("-Dauthentication.method=BASIC");
            cmd.add("-Dauthentication.users.file=" + secrets.registryUsers().toAbsolutePath());
            cmd.add("-Dauthorization.zones=true");
            cmd.add("-Dauthorization.read=ZONE");
        }
        securitySettings(cmd, REGISTRY);
        cmd.add("-jar");
        cmd.add(config.installation().registryJar().toString());
        return new ComponentSpec(REGISTRY, config.registryUrl(), cmd,
                HealthCheck.http(config.registryUrl() + "/q/health/ready"));
    }

    public ComponentSpec connect() {
        return new ComponentSpec(CONNECT, config.connectUrl(),
                javaMain("768m", "io.tributary.local.ConnectMain",
                        "--client-config=" + config.layout().clientProperties(), "--port=" + config.ports().connect(),
                        "--plugin-path=" + config.installation().connectPlugins()),
                HealthCheck.http(config.connectUrl() + "/connectors"));
    }

    /** The validator of one zone; zones after the first get the next HTTP ports. */
    public ComponentSpec validator(String zone, Path descriptor, int index, ClientSettings kafka) {
        int port = validatorPort(config, index);
        List<String> cmd = new ArrayList<>(javaBase("384m"));
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dtributary.zone.descriptor=" + descriptor.toAbsolutePath());
        cmd.add("-Dtributary.schema-registry.url=" + config.registryUrl());
        cmd.add("-Dquarkus.kafka-streams.bootstrap-servers=" + kafka.bootstrapServers());
        cmd.add("-Dkafka-streams.state.dir=" + config.layout().dataDir().resolve("streams").resolve(zone).toAbsolutePath());
        if (config.secured()) {
            // The validator, canonicaliser and analytical roles' logins, each application its own (docs/security.md).
            cmd.add("-Dquarkus.config.locations=" + secrets.processorsSettings(zone).toUri());
        }
        cmd.add("-jar");
        cmd.add(config.installation().validatorJar().toString());
        return new ComponentSpec(validatorName(zone), "http://localhost:" + port + " (application tributary-" + zone + "-validator)",
                // `up` goes on once the validator takes landing records; the ods and analytical applications finish
                // starting meanwhile, and `status` shows the whole process's readiness.
                cmd, HealthCheck.http("http://localhost:" + port + "/q/health/ready"),
                HealthCheck.http("http://localhost:" + port + "/q/health/group/validator"));
    }

    /** The HTTP port of the validator of the {@code index}-th zone: the next ones from --processors-port, skipping the ingest port. */
    public static int validatorPort(PlatformConfig config, int index) {
        int port = config.ports().processors() + index;
        return config.ingestPort() >= config.ports().processors() && port >= config.ingestPort() ? port + 1 : port;
    }

    /** The HTTP ingest service for every zone of the zones folder; open unless $TRIBUTARY_INGEST_CREDENTIALS names a credentials file. */
    public ComponentSpec ingest(ClientSettings kafka) {
        List<String> cmd = new ArrayList<>(javaBase("256m"));
        cmd.add("-Dquarkus.http.port=" + config.ingestPort());
        cmd.add("-Dtributary.ingest.zones=" + config.zonesDir().toAbsolutePath());
        String credentials = System.getenv(INGEST_CREDENTIALS_ENV);
        if (credentials != null && !credentials.isBlank()) {
            cmd.add("-Dtributary.ingest.auth.credentials-file=" + Path.of(credentials).toAbsolutePath());
        } else {
            cmd.add("-Dtributary.ingest.auth.mode=open");
        }
        cmd.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        securitySettings(cmd, INGEST);
        cmd.add("-jar");
        cmd.add(config.installation().ingestJar().toString());
        return new ComponentSpec(INGEST, config.ingestUrl() + " (POST /zones/<zone>/datasets/<dataset>/records)", cmd,
                HealthCheck.http(config.ingestUrl() + "/q/health/ready"));
    }

    /** Trino's server settings: its data and configuration under the platform's data folder, the lake through the S3 server. */
    public TrinoServerConfig trinoConfig() {
        return new TrinoServerConfig(config.installation().trinoHome(), config.installation().trinoJava(),
                config.layout().dataDir().resolve("trino"), config.trinoPort(), config.s3Endpoint(), "us-east-1",
                config.s3AccessKey(), config.s3SecretKey(), "1G");
    }

    /** Trino with the Hive connector over the local S3 server; its configuration is written here. */
    public ComponentSpec trino() {
        TrinoServerConfig trino = trinoConfig();
        trino.writeConfiguration();
        return new ComponentSpec(TRINO, trino.url() + " (catalog " + TrinoServerConfig.CATALOG + ", JDBC " + trino.jdbcUrl() + ")",
                trino.command(), HealthCheck.tcp(config.trinoPort()));
    }

    private List<String> javaMain(String heap, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(javaBase(heap));
        cmd.add("-Dtributary.log.level=INFO");
        cmd.add("-Dtributary.kafka.log.level=WARN");
        cmd.add("-cp");
        cmd.add(config.installation().runtimeClasspath());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private List<String> javaBase(String heap) {
        // Serial GC and a capped heap: five JVMs share two cores and start faster this way.
        return new ArrayList<>(List.of(config.installation().java().toString(), "-Xmx" + heap, "-XX:+UseSerialGC"));
    }

    /** A secured platform's Kafka security settings reach a Quarkus component through an owner-only file, never its command line. */
    private void securitySettings(List<String> cmd, String component) {
        if (config.secured()) {
            cmd.add("-Dquarkus.config.locations=" + secrets.componentSettings(component).toUri());
        }
    }
}
