package io.tributary.cli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.local.LocalRuntimeException;
import io.tributary.local.Ports;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/**
 * The platform on one machine: a real broker, an S3 API server, the schema registry, a Connect
 * worker and each zone's validator, every one its own process logging into one folder.
 * Start order follows what each needs: broker and S3 first, then registry and Connect (both need
 * the broker), then the zones are applied (topics, schemas, sink connectors), then the
 * validators, whose readiness waits for their topics.
 */
public final class LocalPlatform {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PlatformConfig config;
    private final ProcessLauncher launcher = new ProcessLauncher();

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
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(config.zonesDir());
        checkPorts(zones.size());

        PlatformState state = PlatformState.empty();
        ComponentCommands commands = new ComponentCommands(config);
        try {
            createDirectories(layout.logs());
            ClientSettings kafka = ClientSettings.plaintext(config.kafkaBootstrap());
            kafka.store(layout.clientProperties());

            state = startAll(List.of(commands.broker(), commands.s3()), state, progress);
            state = startAll(List.of(commands.registry(kafka), commands.connect()), state, progress);

            ZoneDeployment deployment = new ZoneDeployment(config, kafka);
            for (ZoneDescriptor zone : zones) {
                progress.step("Applying zone " + zone.zone() + " (topics, schemas, sink connector)");
                String summary = deployment.apply(zone);
                progress.done("zone " + zone.zone() + ": " + summary);
            }
            List<ComponentSpec> validators = new ArrayList<>();
            for (int i = 0; i < zones.size(); i++) {
                validators.add(commands.validator(zones.get(i).zone(), zones.get(i).source(), i, kafka));
            }
            state = startAll(validators, state, progress);
            progress.done("Platform up in " + Duration.between(start, Instant.now()).toMillis() / 100 / 10.0 + " s; logs in " + layout.logs());
            return state;
        } catch (RuntimeException e) {
            progress.step("Start failed; stopping what was started");
            stopAll(state, Progress.SILENT);
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
        for (int i = 0; i < zoneCount; i++) {
            Ports.requireFree("validator HTTP (health)", p.processors() + i);
        }
    }

    /** Starts the components together and waits until each is healthy. */
    private PlatformState startAll(List<ComponentSpec> specs, PlatformState state, Progress progress) {
        List<Process> processes = new ArrayList<>();
        for (ComponentSpec spec : specs) {
            progress.step("Starting " + spec.name());
            Path log = config.layout().log(spec.name());
            Process process = launcher.start(spec, log);
            processes.add(process);
            state = state.with(RunningComponent.of(spec, process.pid(), log.toString()));
            state.write(config.layout().stateFile());
        }
        for (int i = 0; i < specs.size(); i++) {
            ComponentSpec spec = specs.get(i);
            Instant started = Instant.now();
            launcher.awaitHealthy(spec, processes.get(i), config.layout().log(spec.name()), config.startTimeout());
            progress.done(spec.name() + " ready at " + spec.address() + " (" + Duration.between(started, Instant.now()).toMillis() + " ms more)");
        }
        return state;
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
