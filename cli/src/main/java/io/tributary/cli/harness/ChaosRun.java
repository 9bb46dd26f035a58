package io.tributary.cli.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cli.demo.RejectedReader;
import io.tributary.cli.demo.RejectedRecord;
import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformState;
import io.tributary.cli.platform.RunningComponent;
import io.tributary.model.ClientSettings;

/**
 * The chaos run on a running local platform: claims stream into {@code finance.landing.expenses}
 * while the Connect worker and the validators are killed with SIGKILL at random moments (each
 * started again at once) and the broker is restarted once; then every claim produced is looked
 * for in the lake (SQL over the Parquet files) and in the rejected topic.
 */
public final class ChaosRun {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
    static final String LANDING = "finance.landing.expenses";
    static final String REJECTED = "finance.rejected.expenses";
    /** After everything arrived, how long to keep watching for a late duplicate. */
    private static final Duration QUIET = Duration.ofSeconds(8);

    private final PlatformConfig config;
    private final ComponentRestarter restarter;

    public ChaosRun(PlatformConfig config) {
        this.config = config;
        this.restarter = new ComponentRestarter(config, Duration.ofSeconds(120));
    }

    public ChaosOutcome run(ChaosSettings settings) {
        Instant start = Instant.now();
        ClientSettings kafka = ClientSettings.load(config.layout().clientProperties());
        ChaosLoad load = new ChaosLoad(kafka, LANDING, settings.records(), settings.recordsPerSecond(), settings.seed());
        Thread loader = new Thread(load, "chaos-load");
        loader.start();
        List<ChaosOutcome.Interruption> interruptions = interrupt(settings, loader);
        join(loader);
        LOG.info("Chaos load done: {} claims sent to {}; {} interruptions", load.sent(), LANDING, interruptions.size());

        List<ProducedRecord> produced = load.produced();
        long valid = produced.stream().filter(ProducedRecord::valid).count();
        LakeExpenses lake = new LakeExpenses(config.lakeFolder());
        RejectedReader rejectedReader = new RejectedReader(kafka);
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        long inLake = 0;
        int rejected = 0;
        while (Instant.now().isBefore(deadline)) {
            inLake = lake.count();
            rejected = rejectedReader.readAll(REJECTED, Duration.ofSeconds(30)).size();
            if (inLake >= valid && rejected >= produced.size() - valid) {
                break;
            }
            LOG.info("Waiting for delivery: {} of {} valid claims in {}, {} of {} invalid in {}", inLake, valid, LakeExpenses.TABLE,
                    rejected, produced.size() - valid, REJECTED);
            sleep(Duration.ofSeconds(2));
        }
        sleep(QUIET);
        List<String> rejectedKeys = rejectedReader.readAll(REJECTED, Duration.ofSeconds(30)).stream().map(RejectedRecord::key).toList();
        DeliveryReport report = new DeliveryCheck().check(produced, lake.rows(), rejectedKeys);
        ChaosOutcome outcome = new ChaosOutcome(settings, interruptions, report, Duration.between(start, Instant.now()),
                load.failure() == null ? null : load.failure().toString());
        LOG.info("Chaos run {}", outcome.summary());
        return outcome;
    }

    /** Kills while the load runs; the first two kills hit the Connect worker and a validator, the rest at random. */
    private List<ChaosOutcome.Interruption> interrupt(ChaosSettings settings, Thread loader) {
        Random random = new Random(settings.seed());
        long loadMillis = settings.records() * 1000L / settings.recordsPerSecond();
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            moments.add((long) (loadMillis * (0.1 + 0.8 * random.nextDouble())));
        }
        moments.sort(null);
        int brokerAfter = settings.restartBroker() ? settings.kills() / 2 : -1;
        List<String> targets = targets();
        List<ChaosOutcome.Interruption> done = new ArrayList<>();
        long begin = System.currentTimeMillis();
        for (int i = 0; i < moments.size(); i++) {
            sleep(Duration.ofMillis(Math.max(0, begin + moments.get(i) - System.currentTimeMillis())));
            String target = i == 0 ? ComponentCommands.CONNECT
                    : i == 1 ? ComponentCommands.validatorName("finance") : targets.get(random.nextInt(targets.size()));
            done.add(stop(target, ComponentRestarter.Stop.KILL, begin));
            if (i == brokerAfter - 1 || (brokerAfter == 0 && i == 0)) {
                done.add(stop(ComponentCommands.BROKER, ComponentRestarter.Stop.TERMINATE, begin));
            }
        }
        if (settings.restartBroker() && settings.kills() == 0) {
            sleep(Duration.ofMillis(loadMillis / 2));
            done.add(stop(ComponentCommands.BROKER, ComponentRestarter.Stop.TERMINATE, begin));
        }
        if (loader.isAlive()) {
            LOG.info("Interruptions done {} ms into the load; the load goes on", System.currentTimeMillis() - begin);
        }
        return done;
    }

    private ChaosOutcome.Interruption stop(String component, ComponentRestarter.Stop how, long begin) {
        long at = System.currentTimeMillis() - begin;
        long t0 = System.nanoTime();
        restarter.restart(component, how);
        long took = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("{} {} at {} ms, healthy again {} ms later", component, how, at, took);
        return new ChaosOutcome.Interruption(component, how == ComponentRestarter.Stop.KILL ? "SIGKILL" : "SIGTERM", at, took);
    }

    /** The stream processors and the Connect worker: the components the chaos run kills. */
    private List<String> targets() {
        PlatformState state = PlatformState.read(config.layout().stateFile())
                .orElseThrow(() -> new IllegalStateException("the platform in " + config.layout().dataDir() + " is not running"));
        return state.components().stream().map(RunningComponent::name)
                .filter(n -> n.equals(ComponentCommands.CONNECT) || n.endsWith("-validator")).toList();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the chaos load ran", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
