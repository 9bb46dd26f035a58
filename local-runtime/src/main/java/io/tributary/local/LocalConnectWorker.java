package io.tributary.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka Connect worker (distributed mode) running in this JVM. Connector plugins are
 * found on the class path through their {@code META-INF/services} entries
 * ({@code plugin.discovery=service_load}); keys and values pass through as bytes unless the
 * overrides say otherwise, since the platform's connectors read the Confluent wire format
 * themselves.
 */
public final class LocalConnectWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalConnectWorker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private final Connect<?> connect;
    private final String restUrl;

    private LocalConnectWorker(Connect<?> connect, String restUrl) {
        this.connect = connect;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker against {@code bootstrapServers} with its REST API on {@code restPort} (0
     * picks a free one). {@code overrides} are worker and client properties applied last, e.g.
     * {@code security.protocol}, {@code sasl.jaas.config}, {@code consumer.*}, {@code group.id}.
     */
    public static LocalConnectWorker start(String bootstrapServers, int restPort, Map<String, String> overrides) {
        int port = restPort == 0 ? Ports.freePort() : Ports.requireFree("Kafka Connect REST API", restPort);
        Map<String, String> props = workerProperties(bootstrapServers, port);
        props.putAll(overrides);
        String restUrl = "http://localhost:" + port;
        Connect<?> connect;
        try {
            connect = new ConnectDistributed().startConnect(props);
        } catch (RuntimeException e) {
            throw new LocalRuntimeException("Kafka Connect worker could not start against " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
        try {
            awaitRestApi(restUrl);
        } catch (RuntimeException e) {
            connect.stop();
            connect.awaitStop();
            throw e;
        }
        LOG.info("Kafka Connect worker started: REST API {}, group {}, Kafka {}", restUrl, props.get("group.id"), bootstrapServers);
        return new LocalConnectWorker(connect, restUrl);
    }

    /**
     * Worker overrides that give the worker's own clients, and those it creates for connectors
     * ({@code producer.}, {@code consumer.}, {@code admin.}), the same security settings: e.g. a
     * secured broker's {@link LocalKafkaBroker#clientProperties()}. {@code bootstrap.servers} is left out.
     */
    public static Map<String, String> securityOverrides(Map<String, String> clientSettings) {
        Map<String, String> overrides = new HashMap<>();
        clientSettings.forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                overrides.put(k, v);
                overrides.put("producer." + k, v);
                overrides.put("consumer." + k, v);
                overrides.put("admin." + k, v);
            }
        });
        return overrides;
    }

    static Map<String, String> workerProperties(String bootstrapServers, int port) {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "tributary-connect");
        p.put("config.storage.topic", "_tributary.connect.configs");
        p.put("offset.storage.topic", "_tributary.connect.offsets");
        p.put("status.storage.topic", "_tributary.connect.status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("key.converter", BYTES);
        p.put("value.converter", BYTES);
        p.put("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        p.put("listeners", "http://localhost:" + port);
        p.put("rest.advertised.host.name", "localhost");
        p.put("rest.advertised.port", String.valueOf(port));
        p.put("plugin.discovery", "service_load");
        p.put("offset.flush.interval.ms", "10000");
        // One worker: rebalance at once instead of waiting for members that will never come.
        p.put("scheduled.rebalance.max.delay.ms", "0");
        // Source connectors that support it (the ingress file source) write their records and offsets in one
        // transaction, so a crash mid-file neither loses nor repeats rows. A fresh worker may enable it directly.
        p.put("exactly.once.source.support", "enabled");
        // Sinks read committed records only: a validator killed mid-transaction leaves aborted records in staging,
        // which a read_uncommitted consumer (Kafka's default) would land before the validator writes them again.
        p.put("consumer.isolation.level", "read_committed");
        return p;
    }

    private static void awaitRestApi(String restUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/connectors")).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalRuntimeException("Interrupted while waiting for Kafka Connect at " + restUrl, e);
            }
            sleep(200);
        }
        throw new LocalRuntimeException("Kafka Connect REST API " + restUrl + "/connectors did not answer 200 within "
                + START_TIMEOUT.toSeconds() + " s (last: " + last + ")");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while waiting for Kafka Connect", e);
        }
    }

    /** The REST API's base URL, e.g. {@code http://localhost:8083}. */
    public String restUrl() {
        return restUrl;
    }

    public ConnectRest rest() {
        return new ConnectRest(restUrl);
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        LOG.info("Kafka Connect worker {} stopped", restUrl);
    }
}
