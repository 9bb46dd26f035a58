package io.tributary.cli.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.ComponentSpec;
import io.tributary.cli.platform.HealthCheck;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformState;
import io.tributary.cli.platform.ProcessLauncher;
import io.tributary.cli.platform.RunningComponent;
import io.tributary.local.LocalRuntimeException;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/**
 * Kills a component of a running local platform and starts it again with the command
 * {@code tributary up} used, appending to the same log, then records the new pid in the state
 * file so that {@code status} and {@code down} see it.
 */
public final class ComponentRestarter {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentRestarter.class);

    private final PlatformConfig config;
    private final ProcessLauncher launcher = new ProcessLauncher();
    private final ComponentCommands commands;
    private final Duration startTimeout;

    public ComponentRestarter(PlatformConfig config, Duration startTimeout) {
        this.config = config;
        this.commands = new ComponentCommands(config);
        this.startTimeout = startTimeout;
    }

    /** How a component is stopped: SIGKILL (no shutdown hook runs) or SIGTERM (a clean shutdown). */
    public enum Stop { KILL, TERMINATE }

    /**
     * Stops {@code component} the way asked, waits for it to be gone, starts it again and waits
     * until it is healthy.
     *
     * @return the pid of the new process
     */
    public long restart(String component, Stop how) {
        RunningComponent running = state().component(component)
                .orElseThrow(() -> new IllegalArgumentException("no component " + component + " in " + config.layout().stateFile()));
        Optional<ProcessHandle> process = running.process();
        if (process.isPresent()) {
            if (how == Stop.KILL) {
                process.get().destroyForcibly();
            } else {
                process.get().destroy();
            }
            awaitExit(process.get(), component);
        }
        LOG.info("{} (pid {}) {}; starting it again", component, running.pid(), how == Stop.KILL ? "killed with SIGKILL" : "stopped with SIGTERM");
        ComponentSpec spec = spec(component);
        Path log = config.layout().log(component);
        Process started = launcher.start(spec, log);
        state().with(new RunningComponent(component, started.pid(), spec.address(), log.toString(),
                spec.health() instanceof HealthCheck.HttpCheck http ? http.url() : "",
                spec.health() instanceof HealthCheck.TcpCheck tcp ? tcp.port() : 0)).write(config.layout().stateFile());
        launcher.awaitHealthy(spec, started, log, startTimeout);
        LOG.info("{} healthy again (pid {})", component, started.pid());
        return started.pid();
    }

    private void awaitExit(ProcessHandle process, String component) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LocalRuntimeException(component + " (pid " + process.pid() + ") did not exit within 30 s of being stopped", e);
        }
    }

    private PlatformState state() {
        return PlatformState.read(config.layout().stateFile())
                .orElseThrow(() -> new IllegalStateException("the platform in " + config.layout().dataDir() + " is not running"));
    }

    /** The command {@code tributary up} starts {@code component} with. */
    ComponentSpec spec(String component) {
        ClientSettings kafka = ClientSettings.load(config.layout().clientProperties());
        switch (component) {
            case ComponentCommands.BROKER: return commands.broker();
            case ComponentCommands.S3: return commands.s3();
            case ComponentCommands.REGISTRY: return commands.registry(kafka);
            case ComponentCommands.CONNECT: return commands.connect();
            case ComponentCommands.INGEST: return commands.ingest(kafka);
            default:
                // Validators are numbered by their zone's place in the zones folder, as `up` numbers them.
                List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(config.zonesDir());
                for (int i = 0; i < zones.size(); i++) {
                    if (ComponentCommands.validatorName(zones.get(i).zone()).equals(component)) {
                        return commands.validator(zones.get(i).zone(), zones.get(i).source(), i, kafka);
                    }
                }
                throw new IllegalArgumentException("unknown component " + component + ": not a platform component nor a validator of "
                        + config.zonesDir());
        }
    }
}
