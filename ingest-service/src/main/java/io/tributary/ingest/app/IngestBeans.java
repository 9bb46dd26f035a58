package io.tributary.ingest.app;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.ingest.IngestAnswer;
import io.tributary.ingest.IngestLimits;
import io.tributary.ingest.IngestService;
import io.tributary.ingest.auth.CredentialsFile;
import io.tributary.ingest.auth.OpenAccess;
import io.tributary.ingest.auth.ZoneAccess;
import io.tributary.ingest.body.BodyParsers;
import io.tributary.ingest.catalog.KafkaArrivalCatalog;
import io.tributary.ingest.idempotency.IdempotencyCache;
import io.tributary.ingest.identity.KafkaIdentity;
import io.tributary.ingest.identity.ZoneProducerSettings;
import io.tributary.ingest.identity.ZoneProducers;
import io.tributary.ingest.publish.KafkaLandingPublisher;
import io.tributary.ingest.publish.LandingPublisher;
import io.tributary.ingest.publish.ZoneRoutingPublisher;
import io.tributary.ingest.zones.DescriptorDatasetDirectory;

/** Wires the plain-Java service from configuration; the only place that knows both. */
@ApplicationScoped
public class IngestBeans {
    private static final Logger LOG = LoggerFactory.getLogger(IngestBeans.class);
    /** One topic for every zone's arrivals, until each zone got its own (_tributary.<zone>.batches). */
    static final String REMOVED_BATCHES_TOPIC = "tributary.ingest.batches-topic";

    @Produces
    @Singleton
    DescriptorDatasetDirectory datasets(IngestConfig config) {
        return DescriptorDatasetDirectory.load(config.zones());
    }

    /** The shared producer and each zone's own (tributary.ingest.zone.<zone>.kafka.*); a bad key stops the start. */
    @Produces
    @Singleton
    ZoneProducers producers(Config config, IngestConfig ingest, DescriptorDatasetDirectory datasets) {
        Map<String, Object> shared = new HashMap<>(KafkaProducerSettings.from(config));
        shared.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tributary-ingest");
        Map<String, String> perZone = new HashMap<>();
        ingest.zone().forEach((zone, settings) -> settings.kafka().forEach((key, value) ->
                perZone.put(ZoneProducerSettings.PREFIX + zone + ".kafka." + key, value)));
        return ZoneProducers.create(KafkaIdentity.shared(shared), ZoneProducerSettings.from(perZone, datasets.zones(), shared),
                datasets.zones(), settings -> new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    void closeProducers(@Disposes ZoneProducers producers) {
        producers.close();
    }

    /** Built at start, so that bad zones, credentials or settings stop the start with their problem. */
    @Produces
    @Singleton
    @io.quarkus.runtime.Startup
    IngestService service(IngestConfig config, Config all, DescriptorDatasetDirectory datasets, ZoneProducers producers,
            MeterRegistry registry) {
        refuseRemovedKeys(all);
        LOG.info("Serving {} zone(s) {} with {} dataset(s) from {}; arrivals of batches recorded on each zone's {}", datasets.zones().size(),
                datasets.zones(), datasets.datasetCount(), config.zones(), KafkaArrivalCatalog.TOPIC_PATTERN);
        ZoneAccess access = access(config.auth());
        if (access instanceof OpenAccess) {
            LOG.warn(access.describe());
        } else {
            LOG.info("Authentication by {} from {}", access.describe(), config.auth().credentialsFile().orElseThrow());
        }
        long deliveryTimeoutMs = all.getOptionalValue("kafka.delivery.timeout.ms", Long.class).orElse(120_000L);
        IdempotencyCache<IngestAnswer> answers = new IdempotencyCache<>(config.idempotency().maxKeys(), config.idempotency().ttl(),
                Clock.systemUTC());
        Map<String, LandingPublisher> byZone = new HashMap<>();
        producers.zoneIdentities().forEach((zone, identity) -> byZone.put(zone,
                new KafkaLandingPublisher(producers.forZone(zone), deliveryTimeoutMs, identity.principal())));
        LandingPublisher landing = new ZoneRoutingPublisher(byZone,
                new KafkaLandingPublisher(producers.shared(), deliveryTimeoutMs, producers.sharedIdentity().principal()));
        // Arrival records stay with the shared (platform) producer: a zone's producer needs WRITE on its landing only.
        return new IngestService(datasets, access, new BodyParsers(), landing,
                new KafkaArrivalCatalog(producers.shared(), deliveryTimeoutMs), answers,
                new IngestLimits(config.maxBodySize().asLongValue(), config.retryAfter()), new MicrometerIngestMetrics(registry));
    }

    /** A key that no longer does anything stops the start, rather than being silently ignored. */
    static void refuseRemovedKeys(Config all) {
        if (all.getOptionalValue(REMOVED_BATCHES_TOPIC, String.class).isPresent()) {
            throw new IllegalArgumentException(REMOVED_BATCHES_TOPIC + " is no longer a setting: each batch's arrival record goes to"
                    + " its zone's " + KafkaArrivalCatalog.TOPIC_PATTERN + " (docs/ingest.md); remove the key");
        }
    }

    static ZoneAccess access(IngestConfig.Auth auth) {
        String mode = auth.mode().trim().toLowerCase(java.util.Locale.ROOT);
        switch (mode) {
            case "open":
                return new OpenAccess();
            case "credentials":
                return CredentialsFile.load(auth.credentialsFile().orElseThrow(() -> new IllegalArgumentException(
                        "tributary.ingest.auth.credentials-file is not set: name the zone credentials file,"
                                + " or set tributary.ingest.auth.mode=open for a local try without authentication")));
            default:
                throw new IllegalArgumentException("tributary.ingest.auth.mode '" + auth.mode() + "' is not a mode: credentials or open");
        }
    }
}
