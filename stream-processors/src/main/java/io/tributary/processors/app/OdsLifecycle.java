package io.tributary.processors.app;

import java.nio.file.Path;
import java.util.ArrayList;
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
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ods.HoldWatcher;
import io.tributary.processors.ods.OdsCounters;
import io.tributary.processors.ods.OdsPipelines;
import io.tributary.processors.ods.OdsRuntime;
import io.tributary.processors.ods.VersionStore;
import io.tributary.processors.ods.spi.RecordTransformers;
import io.tributary.processors.registry.Backoff;
import io.tributary.processors.registry.StagingSchemaIds;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * Runs the zone's ods pipelines beside the validator, so that {@code tributary up} starts them too:
 * registers each entity's schema, builds one Kafka Streams instance per source dataset and per
 * entity (with the {@code kafka-streams.*} settings of the validator), applies the steward
 * holds made so far, starts, and follows new holds. Nothing happens for a zone without entities.
 * The ods applications and the hold watcher run as the zone's canonicaliser, the analytical ones
 * as its analytical role ({@link ProcessorRoles}); the platform creates every topic they use.
 */
@ApplicationScoped
public class OdsLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(OdsLifecycle.class);

    private OdsRuntime runtime;
    private HoldWatcher holds;
    private HoldWatcherStatus holdsStatus;
    private boolean stopped;

    void onStart(@Observes StartupEvent event, ValidatorSetup setup, ValidatorConfig config, ProcessorRoles roles, Config mp,
            MeterRegistry meters, ProcessorApplications applications) {
        ZoneDescriptor zone = setup.scope().zone();
        if (!config.ods().enabled() || zone.entities().isEmpty()) {
            return;
        }
        RoleIdentity canonicaliser = roles.of(ProcessorRole.CANONICALISER);
        RoleIdentity analytical = roles.of(ProcessorRole.ANALYTICAL);
        ValidatorConfig.SchemaRegistry registryConfig = config.schemaRegistry();
        HttpSchemaRegistry odsHttp = registry(registryConfig, canonicaliser);
        HttpSchemaRegistry analyticalHttp = registry(registryConfig, analytical);
        Backoff backoff = Backoff.upTo(registryConfig.retryMaxBackoff());
        // Each role registers the subjects it owns: <zone>.ods.* the canonicaliser, <zone>.analytical.* the analytical role.
        StagingSchemaIds odsIds = new StagingSchemaIds(odsHttp, odsHttp.baseUrl(), backoff);
        StagingSchemaIds analyticalIds = new StagingSchemaIds(analyticalHttp, analyticalHttp.baseUrl(), backoff);
        Map<String, Integer> schemaIds = new LinkedHashMap<>();
        for (EntitySpec entity : zone.entities()) {
            String subject = entity.topic(zone.zone()).valueSubject();
            schemaIds.put(subject, odsIds.resolve(zone.zone(), "entity " + entity.name(), subject, entity.schema(),
                    String.valueOf(entity.schemaFile())));
        }
        for (AnalyticalSpec output : zone.analytical()) {
            String subject = output.topic(zone.zone()).valueSubject();
            schemaIds.put(subject, analyticalIds.resolve(zone.zone(), "analytical " + output.name(), subject, output.schema(),
                    String.valueOf(output.schemaFile())));
        }
        List<ZoneDescriptor> others = otherZones(zone);
        OdsCounters counters = new OdsCounters();
        List<OdsPipelines.Pipeline> pipelines = OdsPipelines.of(zone,
                name -> others.stream().filter(z -> z.zone().equals(name)).findFirst(), new CachingSchemaRegistry(odsHttp),
                new CachingSchemaRegistry(analyticalHttp), schemaIds,
                RecordTransformers.forZone(zone.zone(), config.ods().pluginsDir().map(Path::of).orElse(null)), counters,
                VersionStore.parse(config.ods().versionStore()));
        runtime = new OdsRuntime(zone.zone(), pipelines, pipeline -> streamsProperties(identity(roles, pipeline), mp));
        for (OdsPipelines.Pipeline pipeline : pipelines) {
            String kind = pipeline.kind() == OdsPipelines.Kind.ODS ? "ods" : "analytical";
            LOG.info("Zone {}: {} application {} runs as {}", zone.zone(), kind, pipeline.applicationId(), identity(roles, pipeline).principal());
            // Reported by the health checks from now on: CREATED (not ready) until the topics exist and it starts.
            StreamsApplication application = new StreamsApplication(zone.zone(), kind, pipeline.applicationId(), identity(roles, pipeline));
            application.follow(runtime.applications().get(pipeline.applicationId()));
            applications.register(application);
        }
        holdsStatus = new HoldWatcherStatus(zone.zone(), canonicaliser);
        applications.register(holdsStatus);
        String holdsTopic = PlatformTopics.holds(zone.zone());
        List<String> odsTopics = topics(pipelines, OdsPipelines.Kind.ODS, holdsTopic);
        List<String> analyticalTopics = topics(pipelines, OdsPipelines.Kind.ANALYTICAL, null);
        // Topics may still be being created (tributary up applies zones while processors start): wait off the start thread,
        // each role for the topics it uses (a principal sees only the topics it may describe).
        Thread starter = new Thread(() -> startWhenReady(zone.zone(), canonicaliser, odsTopics, analytical, analyticalTopics, holdsTopic),
                "tributary-" + zone.zone() + "-ods-start");
        starter.setDaemon(true);
        starter.start();
        FunctionCounter.builder("tributary.ods.records", counters, c -> c.snapshot().values().stream().mapToLong(Long::longValue).sum())
                .description("Records counted by the ods pipelines (all kinds; see the log for details)")
                .tag("zone", zone.zone()).register(meters);
        LOG.info("Zone {}: ods pipelines {} start once topics {} exist", zone.zone(),
                pipelines.stream().map(OdsPipelines.Pipeline::applicationId).toList(), concat(odsTopics, analyticalTopics));
    }

    private static HttpSchemaRegistry registry(ValidatorConfig.SchemaRegistry config, RoleIdentity role) {
        return new HttpSchemaRegistry(config.url(), role.registryUserInfo().orElse(null), config.requestTimeout());
    }

    private static RoleIdentity identity(ProcessorRoles roles, OdsPipelines.Pipeline pipeline) {
        return roles.of(pipeline.kind() == OdsPipelines.Kind.ODS ? ProcessorRole.CANONICALISER : ProcessorRole.ANALYTICAL);
    }

    private static List<String> topics(List<OdsPipelines.Pipeline> pipelines, OdsPipelines.Kind kind, String plus) {
        List<String> topics = new ArrayList<>(pipelines.stream().filter(p -> p.kind() == kind).flatMap(p -> p.topics().stream()).toList());
        if (plus != null) {
            topics.add(plus);
        }
        return topics.stream().distinct().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private void startWhenReady(String zone, RoleIdentity canonicaliser, List<String> odsTopics, RoleIdentity analytical,
            List<String> analyticalTopics, String holdsTopic) {
        try {
            // The platform creates the steward topics (zones apply): the canonicaliser may read them, not create them.
            TopicsPresent.await(canonicaliser.kafka(), odsTopics, zone, "ods pipelines");
            if (!analyticalTopics.isEmpty()) {
                TopicsPresent.await(analytical.kafka(), analyticalTopics, zone, "analytical pipelines");
            }
            start(zone, canonicaliser);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            holdsStatus.failed(e);
            LOG.error("Zone {}: the ods pipelines cannot start (steward holds read from {} as {}): {}", zone, holdsTopic,
                    canonicaliser.principal(), ApplicationFailure.describe(e));
        }
    }

    private synchronized void start(String zone, RoleIdentity canonicaliser) {
        if (stopped) {
            return;
        }
        holds = new HoldWatcher(zone, canonicaliser.kafka(), runtime);
        LOG.info("Zone {}: steward holds are read from {} as {}", zone, holds.topic(), canonicaliser.principal());
        holds.catchUp();
        runtime.start();
        holds.start(holdsStatus::failed);
        holdsStatus.running();
        LOG.info("Zone {}: ods pipelines started", zone);
    }

    /** The descriptors beside this zone's, when it uses another zone's data (in a lookup or a join). */
    private static List<ZoneDescriptor> otherZones(ZoneDescriptor zone) {
        if (zone.uses().isEmpty()) {
            return List.of();
        }
        Path folder = zone.source().toAbsolutePath().getParent();
        return DescriptorLoader.loadDirectory(folder);
    }

    /**
     * Kafka Streams settings for one role: its identity (bootstrap and security), then every
     * {@code kafka-streams.*} key on top except the security ones, which are the validator's identity.
     */
    static Properties streamsProperties(RoleIdentity identity, Config mp) {
        Properties props = new Properties();
        props.putAll(identity.kafka());
        for (String name : mp.getPropertyNames()) {
            if (name.startsWith("kafka-streams.") && !KafkaSettings.isClientSecurity(name.substring("kafka-streams.".length()))) {
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
