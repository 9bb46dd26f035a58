package io.tributary.processors.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.EntitySpec;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ods.HoldWatcher;
import io.tributary.processors.ods.OdsCounters;
import io.tributary.processors.ods.OdsPipelines;
import io.tributary.processors.ods.OdsRuntime;
import io.tributary.processors.ods.spi.RecordTransformers;
import io.tributary.processors.registry.Backoff;
import io.tributary.processors.registry.StagingSchemaIds;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.topics.holds.HoldLog;

/**
 * Runs the zone's ods pipelines beside the validator, so that {@code tributary up} starts them too:
 * registers each entity's schema, builds one Kafka Streams instance per source dataset and per
 * entity (with the same {@code kafka-streams.*} settings as the validator), applies the steward
 * holds made so far, starts, and follows new holds. Nothing happens for a zone without entities.
 */
@ApplicationScoped
public class OdsLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(OdsLifecycle.class);

    private OdsRuntime runtime;
    private HoldWatcher holds;
    private boolean stopped;

    void onStart(@Observes StartupEvent event, ValidatorSetup setup, ValidatorConfig config, KafkaSettings kafka, Config mp,
            MeterRegistry meters) {
        ZoneDescriptor zone = setup.scope().zone();
        if (!config.ods().enabled() || zone.entities().isEmpty()) {
            return;
        }
        ValidatorConfig.SchemaRegistry registryConfig = config.schemaRegistry();
        HttpSchemaRegistry http = new HttpSchemaRegistry(registryConfig.url(), registryConfig.basicAuthUserInfo().orElse(null),
                registryConfig.requestTimeout());
        CachingSchemaRegistry registry = new CachingSchemaRegistry(http);
        StagingSchemaIds ids = new StagingSchemaIds(http, http.baseUrl(), Backoff.upTo(registryConfig.retryMaxBackoff()));
        Map<String, Integer> schemaIds = new LinkedHashMap<>();
        for (EntitySpec entity : zone.entities()) {
            String subject = entity.topic(zone.zone()).valueSubject();
            schemaIds.put(subject, ids.resolve(zone.zone(), "entity " + entity.name(), subject, entity.schema(),
                    String.valueOf(entity.schemaFile())));
        }
        for (AnalyticalSpec output : zone.analytical()) {
            String subject = output.topic(zone.zone()).valueSubject();
            schemaIds.put(subject, ids.resolve(zone.zone(), "analytical " + output.name(), subject, output.schema(),
                    String.valueOf(output.schemaFile())));
        }
        List<ZoneDescriptor> others = otherZones(zone);
        OdsCounters counters = new OdsCounters();
        List<OdsPipelines.Pipeline> pipelines = OdsPipelines.of(zone,
                name -> others.stream().filter(z -> z.zone().equals(name)).findFirst(), registry, schemaIds,
                RecordTransformers.forZone(zone.zone(), config.ods().pluginsDir().map(Path::of).orElse(null)), counters);
        runtime = new OdsRuntime(zone.zone(), pipelines, streamsProperties(kafka, mp));
        List<String> topics = pipelines.stream().flatMap(p -> p.topics().stream()).distinct().toList();
        // Topics may still be being created (tributary up applies zones while processors start): wait off the start thread.
        Thread starter = new Thread(() -> startWhenReady(zone.zone(), topics, kafka, config), "tributary-" + zone.zone() + "-ods-start");
        starter.setDaemon(true);
        starter.start();
        FunctionCounter.builder("tributary.ods.records", counters, c -> c.snapshot().values().stream().mapToLong(Long::longValue).sum())
                .description("Records counted by the ods pipelines (all kinds; see the log for details)")
                .tag("zone", zone.zone()).register(meters);
        LOG.info("Zone {}: ods pipelines {} start once topics {} exist", zone.zone(),
                pipelines.stream().map(OdsPipelines.Pipeline::applicationId).toList(), topics);
    }

    private void startWhenReady(String zone, List<String> topics, KafkaSettings kafka, ValidatorConfig config) {
        try {
            TopicsPresent.await(kafka.asMap(), topics, zone);
            start(zone, kafka, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Zone {}: the ods pipelines cannot start: {}", zone, e.toString());
        }
    }

    private synchronized void start(String zone, KafkaSettings kafka, ValidatorConfig config) {
        if (stopped) {
            return;
        }
        HoldLog holdLog = new HoldLog(kafka.asMap(), config.ods().holdsTopic(), HoldLog.AUDIT_TOPIC);
        holdLog.ensureTopics();
        holds = new HoldWatcher(zone, kafka.asMap(), config.ods().holdsTopic(), runtime);
        holds.catchUp();
        runtime.start();
        holds.start();
        LOG.info("Zone {}: ods pipelines started", zone);
    }

    /** The other zones' descriptors, from the same folder, when lookups read data they publish. */
    /** The descriptors beside this zone's, when it uses another zone's data (in a lookup or a join). */
    private static List<ZoneDescriptor> otherZones(ZoneDescriptor zone) {
        if (zone.uses().isEmpty()) {
            return List.of();
        }
        Path folder = zone.source().toAbsolutePath().getParent();
        return DescriptorLoader.loadDirectory(folder);
    }

    /** Kafka Streams settings as the validator gets them: the client settings, then every {@code kafka-streams.*} key. */
    static Properties streamsProperties(KafkaSettings kafka, Config mp) {
        Properties props = new Properties();
        props.putAll(kafka.asMap());
        for (String name : mp.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                Optional<String> value = mp.getOptionalValue(name, String.class);
                value.ifPresent(v -> props.put(name.substring("kafka-streams.".length()), v));
            }
        }
        return props;
    }

    public Optional<OdsRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (holds != null) {
            holds.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
