package io.tributary.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import io.tributary.local.tls.BrokerTls;
import kafka.tools.StorageTool;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM.
 * Settings are those a one-node cluster needs: every internal topic with replication factor 1,
 * so that transactions (exactly-once) and consumer groups work.
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private final KafkaRaftServer server;
    private final int port;
    private final Map<String, String> clientSecurity;

    private LocalKafkaBroker(KafkaRaftServer server, int port, Map<String, String> clientSecurity) {
        this.server = server;
        this.port = port;
        this.clientSecurity = clientSecurity;
    }

    /** Starts a broker that keeps its log under {@code dataDir}, listening on {@code port} (0 picks a free one). */
    public static LocalKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts a broker; {@code overrides} are extra broker properties (for example listeners with
     * SASL), applied last.
     */
    public static LocalKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        int brokerPort = port == 0 ? Ports.freePort() : Ports.requireFree("Kafka broker", port);
        int controllerPort = Ports.freePort();
        try {
            Path logDir = dataDir.resolve("kafka-logs");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            overrides.forEach(props::setProperty);
            formatOnce(dataDir, logDir, props, List.of());
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            LOG.info("Kafka broker started on localhost:{} (log dir {})", brokerPort, logDir);
            return new LocalKafkaBroker(server, brokerPort, Map.of("security.protocol", "PLAINTEXT"));
        } catch (IOException e) {
            throw new LocalRuntimeException("Could not prepare the Kafka broker's data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a secured broker (see {@link #startSecured(Path, int, String, String, BrokerTls)}) over
     * {@code SASL_PLAINTEXT}.
     */
    public static LocalKafkaBroker startSecured(Path dataDir, int port, String platformUser, String platformPassword) {
        return startSecured(dataDir, port, platformUser, platformPassword, null);
    }

    /**
     * Starts a broker that authenticates every client with SASL/SCRAM-SHA-512 and authorises with
     * ACLs (Kafka's StandardAuthorizer, deny when no ACL matches). {@code platformUser} is the
     * super user: the broker talks to itself as that user and its SCRAM credential is written into
     * the cluster metadata when the log directory is formatted, so it works before any Admin call.
     * The controller listener authenticates with SASL/PLAIN (KRaft controllers cannot use SCRAM,
     * whose credentials live in the metadata they serve), knowing the platform user alone.
     *
     * @param tls the broker's key store and the CA its clients trust: the client listener is then
     *     {@code SASL_SSL} (inter-broker traffic too); null keeps {@code SASL_PLAINTEXT}
     */
    public static LocalKafkaBroker startSecured(Path dataDir, int port, String platformUser, String platformPassword, BrokerTls tls) {
        requireScramSafe("platform user name", platformUser);
        requireScramSafe("platform password", platformPassword);
        int brokerPort = port == 0 ? Ports.freePort() : Ports.requireFree("Kafka broker", port);
        int controllerPort = Ports.freePort();
        try {
            Path logDir = dataDir.resolve("kafka-logs");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            securedProperties(brokerPort, controllerPort, platformUser, platformPassword, tls).forEach(props::setProperty);
            String scram = "SCRAM-SHA-512=[name=" + platformUser + ",password=" + platformPassword + "]";
            formatOnce(dataDir, logDir, props, List.of("--add-scram", scram));
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String protocol = tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
            LOG.info("Secured Kafka broker started on localhost:{} ({}, SCRAM-SHA-512, ACLs; super user {}; log dir {})",
                    brokerPort, protocol, platformUser, logDir);
            Map<String, String> client = new java.util.LinkedHashMap<>();
            client.put("security.protocol", protocol);
            client.put("sasl.mechanism", "SCRAM-SHA-512");
            client.put("sasl.jaas.config", scramJaas(platformUser, platformPassword));
            if (tls != null) {
                client.putAll(tls.clientTrust());
            }
            return new LocalKafkaBroker(server, brokerPort, Map.copyOf(client));
        } catch (IOException e) {
            throw new LocalRuntimeException("Could not prepare the Kafka broker's data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The format tool's {@code [name=…,password=…]} and the JAAS line have no escaping for these characters. */
    private static void requireScramSafe(String what, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> ",[]=\"\\ ".indexOf(c) >= 0 || c < 0x20)) {
            // The value itself stays out of the message: it may be a password.
            throw new LocalRuntimeException("The " + what + " of a secured broker must be non-empty, without spaces, control characters or any of , [ ] = \" \\");
        }
    }

    static Map<String, String> securedProperties(int brokerPort, int controllerPort, String platformUser, String platformPassword,
            BrokerTls tls) {
        String listener = tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("listeners", listener + "://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", listener + "://localhost:" + brokerPort);
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", listener);
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".scram-sha-512.sasl.jaas.config",
                scramJaas(platformUser, platformPassword));
        if (tls != null) {
            // The broker presents the certificate its local CA signed, and trusts that CA for its own inter-broker
            // connections. The controller listener stays on the loopback interface without TLS (docs/security.md).
            p.putAll(tls.brokerSettings());
        }
        // The controller cannot use SCRAM (its credentials live in the metadata the controller serves), so its listener
        // takes SASL/PLAIN with the platform user alone: no anonymous principal needs to be a super user.
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + platformUser
                        + "\" password=\"" + platformPassword + "\" user_" + platformUser + "=\"" + platformPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + platformUser);
        return p;
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    /** Formats the log directory on first start only; a restart keeps the cluster id and the data. */
    private static void formatOnce(Path dataDir, Path logDir, Properties props, List<String> extraArgs) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        // The controller's voter set must be fixed before formatting, as for a static quorum.
        Path config = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "generated by Tributary for formatting");
        }
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        args.addAll(extraArgs);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        try {
            rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(captured, true, StandardCharsets.UTF_8));
        } finally {
            if (!extraArgs.isEmpty()) {
                // A secured broker's file holds the inter-broker password; the broker is configured from memory.
                Files.deleteIfExists(config);
            }
        }
        if (rc != 0) {
            throw new LocalRuntimeException("Formatting the Kafka log directory " + logDir + " failed: "
                    + captured.toString(StandardCharsets.UTF_8).trim());
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * What a client needs to talk to this broker: the bootstrap address and, for a secured broker,
     * the super user's SASL login (and the CA to trust over TLS). Tests and tools running as the
     * platform take these as they are.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        p.putAll(clientSecurity);
        return p;
    }

    /** {@link #clientProperties()} as {@link Properties}, for Kafka client constructors. */
    public Properties clientConfig() {
        Properties p = new Properties();
        p.putAll(clientProperties());
        return p;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on localhost:{} stopped", port);
    }
}
