package io.tributary.ingest.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Kafka producers: one shared (the {@code kafka.*} identity, which also writes the
 * arrival records), and one per zone that has an identity of its own, used for that zone's
 * landing records only.
 */
public final class ZoneProducers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneProducers.class);

    private final KafkaIdentity sharedIdentity;
    private final Producer<byte[], byte[]> shared;
    private final Map<String, KafkaIdentity> identities;
    private final Map<String, Producer<byte[], byte[]>> byZone;

    private ZoneProducers(KafkaIdentity sharedIdentity, Producer<byte[], byte[]> shared, Map<String, KafkaIdentity> identities,
            Map<String, Producer<byte[], byte[]>> byZone) {
        this.sharedIdentity = sharedIdentity;
        this.shared = shared;
        this.identities = identities;
        this.byZone = byZone;
    }

    /**
     * Creates every producer and logs, per zone, which principal writes its landing.
     *
     * @param create makes a producer from an identity's settings
     * @throws IllegalArgumentException if a producer cannot be created (its settings' secrets left out of the message)
     */
    public static ZoneProducers create(KafkaIdentity sharedIdentity, Map<String, KafkaIdentity> zoneIdentities, Collection<String> zones,
            Function<Map<String, Object>, Producer<byte[], byte[]>> create) {
        Map<String, Producer<byte[], byte[]>> byZone = new LinkedHashMap<>();
        Producer<byte[], byte[]> shared = null;
        try {
            shared = build(sharedIdentity, create);
            for (KafkaIdentity identity : zoneIdentities.values()) {
                byZone.put(identity.zone().orElseThrow(), build(identity, create));
            }
        } catch (RuntimeException e) {
            byZone.values().forEach(p -> p.close(Duration.ZERO));
            if (shared != null) {
                shared.close(Duration.ZERO);
            }
            throw e;
        }
        List<String> sharedZones = new ArrayList<>();
        for (String zone : zones.stream().sorted().toList()) {
            KafkaIdentity own = zoneIdentities.get(zone);
            if (own != null) {
                LOG.info("Zone {} writes its landing as {} (client id {})", zone, own.principal(), own.settings().get("client.id"));
            } else {
                sharedZones.add(zone);
            }
        }
        if (!sharedZones.isEmpty()) {
            LOG.info("Zone(s) {} write their landing through the shared producer as {}", sharedZones, sharedIdentity.principal());
        }
        LOG.info("Arrival records are written by the shared producer as {}", sharedIdentity.principal());
        return new ZoneProducers(sharedIdentity, shared, Map.copyOf(zoneIdentities), byZone);
    }

    private static Producer<byte[], byte[]> build(KafkaIdentity identity, Function<Map<String, Object>, Producer<byte[], byte[]>> create) {
        try {
            return create.apply(identity.settings());
        } catch (RuntimeException e) {
            // Not chained: Kafka's message about bad settings may quote them, secrets included.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("Cannot create " + identity.describe() + ": " + e.getClass().getSimpleName() + ": "
                    + Redaction.scrub(e.getMessage(), identity.settings())
                    + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + Redaction.scrub(root.getMessage(), identity.settings()) + ")"));
        }
    }

    public Producer<byte[], byte[]> shared() {
        return shared;
    }

    public KafkaIdentity sharedIdentity() {
        return sharedIdentity;
    }

    /** The zones with a producer of their own, with its identity. */
    public Map<String, KafkaIdentity> zoneIdentities() {
        return identities;
    }

    /** The zone's own producer, or the shared one. */
    public Producer<byte[], byte[]> forZone(String zone) {
        return byZone.getOrDefault(zone, shared);
    }

    public KafkaIdentity identityOf(String zone) {
        return identities.getOrDefault(zone, sharedIdentity);
    }

    @Override
    public void close() {
        byZone.forEach((zone, producer) -> closeQuietly(identities.get(zone), producer));
        closeQuietly(sharedIdentity, shared);
    }

    private static void closeQuietly(KafkaIdentity identity, Producer<byte[], byte[]> producer) {
        try {
            producer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warn("Closing {} failed: {}", identity.describe(), Redaction.scrub(e.getMessage(), identity.settings()));
        }
    }
}
