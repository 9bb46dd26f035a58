package io.tributary.cli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.catalog.SqlEngineException;
import io.tributary.catalog.trino.TrinoConnections;
import io.tributary.local.LocalRuntimeException;
import io.tributary.local.Ports;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.credentials.CredentialStore;

/**
 * The platform on one machine: a real broker, an S3 API server, the schema registry, a Connect
 * worker, each zone's validator and the HTTP ingest service, every one its own process logging into one folder.
 * Start order follows what each needs and overlaps where a component waits by itself: broker,
 * S3 and registry together (the registry retries until the broker answers); Connect once the
 * broker answers; when secured, the zones' credentials and ACLs then, since the processors and the
 * ingest service log in as the zones' roles; the validators once the registry answers, while the
 * zones are applied (topics, schemas, sink connectors); a validator is ready once its topics exist. With the Trino engine,
 * Trino starts first (it takes longest and needs nothing) and is awaited last, until it answers a
 * query; without it nothing of Trino is touched.
 */
public final class LocalPlatform {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Trino loads its plugins for 30 s on an idle machine, longer while the rest of the platform starts. */
    private static final Duration TRINO_START_TIMEOUT = Duration.ofSeconds(240);

    private final PlatformConfig config;
    private final ProcessLauncher launcher = new ProcessLauncher();
    /** The components started so far by {@link #up}. */
    private PlatformState starting = PlatformState.empty();

    public LocalPlatform(PlatformConfig config) {
        this.config = config;
    }

    public PlatformConfig config() {
        return config;
    }

    /** Starts everything and applies the zones; on any failure stops what it started. */
    public PlatformState up(Progress progress) {
        Instant start = Instant.now();
        PlatformLayout layout = config.layout();
        Optional<PlatformState> existing = PlatformState.read(layout.stateFile());
        if (existing.isPresent() && existing.get().components().stream().anyMatch(c -> c.process().isPresent())) {
            throw new LocalRuntimeException("The platform in " + layout.dataDir() + " is already running;"
                    + " `tributary status` shows it, `tributary down` stops it");
        }
        config.installation().requireBuilt();
        boolean trino = config.engine() == PlatformConfig.QueryEngine.TRINO;
        if (trino) {
            config.installation().requireTrino(progress);
        }
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(config.zonesDir());
        checkPorts(zones.size());

        starting = PlatformState.empty();
        ComponentCommands commands = new ComponentCommands(config);
        try {
            createDirectories(layout.logs());
            ClientSettings kafka;
            if (config.secured()) {
                kafka = new PlatformSecrets(config).prepare();
            } else {
                progress.step("WARNING: starting OPEN: no authentication, no ACLs; any local process may read and write every zone."
                        + " For quick tries only; `tributary up` without --open runs secured");
                kafka = ClientSettings.plaintext(config.kafkaBootstrap());
                kafka.store(layout.clientProperties());
            }

            // Trino takes longest and needs nothing to start, so it starts first and is awaited last.
            Started trinoServer = trino ? start(commands.trino(), progress) : null;
            // The registry waits for the broker by itself, so it starts beside it; the Connect
            // worker gives up without a broker, so it starts once the broker answers.
            Started broker = start(commands.broker(), progress);
            Started s3 = start(commands.s3(), progress);
            Started registry = start(commands.registry(kafka), progress);
            await(broker, progress);
            Started connect = start(commands.connect(), progress);
            ZoneDeployment deployment = new ZoneDeployment(config, kafka);
            if (config.secured()) {
                // Before the processors and the ingest service start: each logs in as its zone's roles.
                progress.step("Applying the zones' credentials and ACLs");
                PlatformSecrets secrets = new PlatformSecrets(config);
                CredentialStore store = secrets.store();
                progress.done(deployment.applySecurity(zones, store));
                secrets.writeZoneSettings(zones, store);
            }
            // No zone role may create topics: the platform creates each zone's own, which its processors wait for.
            progress.step("Creating the zones' platform topics");
            progress.done(deployment.ensurePlatformTopics(zones));
            await(s3, progress);
            await(registry, progress);

            // Validators register their schemas and wait for their topics, so they start while
            // the zones are applied; they are ready once the topics exist.
            List<Started> validators = new ArrayList<>();
            for (int i = 0; i < zones.size(); i++) {
                Started validator = start(commands.validator(zones.get(i).zone(), zones.get(i).source(), i, kafka), progress);
                validators.add(validator);
            }
            // The ingest service serves every zone; it is ready once the broker answers it.
            Started ingest = start(commands.ingest(kafka), progress);
            await(connect, progress);
            for (ZoneDescriptor zone : zones) {
                progress.step("Applying zone " + zone.zone() + " (topics, schemas, sink connector)");
                String summary = deployment.apply(zone);
                progress.done("zone " + zone.zone() + ": " + summary);
            }
            for (Started validator : validators) {
                await(validator, progress);
            }
            await(ingest, progress);
            if (trinoServer != null) {
                awaitTrino(trinoServer, progress);
            }
            progress.done("Platform up in " + Duration.between(start, Instant.now()).toMillis() / 100 / 10.0 + " s; logs in " + layout.logs());
            return starting;
        } catch (RuntimeException e) {
            progress.step("Start failed; stopping what was started");
            stopAll(starting, Progress.SILENT);
            try {
                Files.deleteIfExists(config.layout().stateFile());
            } catch (java.io.IOException ignored) {
                // The processes are stopped; a stale state file only lists dead ones.
            }
            throw e;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new LocalRuntimeException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private void checkPorts(int zoneCount) {
        PlatformPorts p = config.ports();
        Ports.requireFree("Kafka broker", p.kafka());
        Ports.requireFree("S3 server", p.s3());
        Ports.requireFree("schema registry", p.registry());
        Ports.requireFree("Kafka Connect REST", p.connect());
        Ports.requireFree("ingest service HTTP", config.ingestPort());
        for (int i = 0; i < zoneCount; i++) {
            Ports.requireFree("validator HTTP (health)", ComponentCommands.validatorPort(config, i));
        }
        if (config.engine() == PlatformConfig.QueryEngine.TRINO) {
            Ports.requireFree("Trino HTTP", config.trinoPort());
        }
    }

    /** A component process that has been started, and when. */
    private record Started(ComponentSpec spec, Process process, Path log, Instant at) {
    }

    /** Starts a component and records it in the state file at once, so a failed start can stop it. */
    private Started start(ComponentSpec spec, Progress progress) {
        progress.step("Starting " + spec.name());
        Path log = config.layout().log(spec.name());
        Started started = new Started(spec, launcher.start(spec, log), log, Instant.now());
        starting = starting.with(RunningComponent.of(spec, started.process().pid(), log.toString()));
        starting.write(config.layout().stateFile());
        return started;
    }

    private void await(Started started, Progress progress) {
        launcher.awaitHealthy(started.spec(), started.process(), started.log(), config.startTimeout());
        progress.done(started.spec().name() + " ready at " + started.spec().address() + " ("
                + Duration.between(started.at(), Instant.now()).toMillis() / 100 / 10.0 + " s after its start)");
    }

    /** Trino opens its port well before it can answer queries: ready means a query runs. */
    private void awaitTrino(Started trino, Progress progress) {
        launcher.awaitHealthy(trino.spec(), trino.process(), trino.log(), TRINO_START_TIMEOUT);
        try {
            TrinoConnections.awaitReady(config.trinoJdbcUrl(), TRINO_START_TIMEOUT, trino.process()::isAlive);
        } catch (SqlEngineException e) {
            throw new LocalRuntimeException(e.getMessage() + ". Its log: " + config.layout().dataDir().resolve("trino/server.log"), e);
        }
        progress.done(trino.spec().name() + " ready at " + trino.spec().address() + " ("
                + Duration.between(trino.at(), Instant.now()).toMillis() / 100 / 10.0 + " s after its start)");
    }

    public List<ComponentStatus> status() {
        Optional<PlatformState> state = PlatformState.read(config.layout().stateFile());
        List<ComponentStatus> result = new ArrayList<>();
        state.ifPresent(s -> s.components().forEach(c -> {
            ComponentStatus.State st = c.process().isEmpty() ? ComponentStatus.State.DOWN
                    : c.health().healthy() ? ComponentStatus.State.UP : ComponentStatus.State.UNHEALTHY;
            result.add(new ComponentStatus(c.name(), st, c.pid(), c.address(), c.logFile()));
        }));
        return result;
    }

    /** Stops every component, the last started first, and forgets them. */
    public int down(Progress progress) {
        Optional<PlatformState> state = PlatformState.read(config.layout().stateFile());
        if (state.isEmpty()) {
            return 0;
        }
        int stopped = stopAll(state.get(), progress);
        try {
            Files.deleteIfExists(config.layout().stateFile());
        } catch (java.io.IOException e) {
            throw new LocalRuntimeException("Cannot remove " + config.layout().stateFile() + ": " + e.getMessage(), e);
        }
        return stopped;
    }

    private int stopAll(PlatformState state, Progress progress) {
        List<RunningComponent> reversed = new ArrayList<>(state.components());
        java.util.Collections.reverse(reversed);
        int stopped = 0;
        for (RunningComponent c : reversed) {
            Optional<ProcessHandle> process = c.process();
            if (process.isEmpty()) {
                continue;
            }
            progress.step("Stopping " + c.name() + " (pid " + c.pid() + ")");
            boolean clean = launcher.stop(process.get(), STOP_GRACE);
            progress.done(c.name() + (clean ? " stopped" : " did not stop within " + STOP_GRACE.toSeconds() + " s and was killed"));
            stopped++;
        }
        return stopped;
    }
}
