package io.tributary.cli.harness;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.cli.demo.CommittedKeys;
import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.cli.demo.LandingProducer;
import io.tributary.cli.demo.ReferenceData;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.Progress;
import io.tributary.model.ClientSettings;

/**
 * A local platform for a harness run: the example zones plus the qa zone, started in its own data
 * folder, with the ods reference data in staging before any claim is sent (a claim without its
 * FX rate would be refused by the ods pipeline, which is not what the chaos run measures).
 */
public final class HarnessPlatform implements AutoCloseable {
    private final LocalPlatform platform;

    private HarnessPlatform(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * Writes the example zones and the qa zone into {@code config.zonesDir()} (a folder of the
     * harness's own, e.g. {@code <data>/zones}) and starts the platform.
     */
    public static HarnessPlatform start(PlatformConfig config, Progress progress) {
        QaZone.write(config.installation().home().resolve("examples/zones"), config.zonesDir());
        LocalPlatform platform = new LocalPlatform(config);
        platform.up(progress);
        HarnessPlatform harness = new HarnessPlatform(platform);
        try {
            harness.sendReferenceData();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    public PlatformConfig config() {
        return platform.config();
    }

    public LocalPlatform platform() {
        return platform;
    }

    private void sendReferenceData() {
        ClientSettings kafka = ClientSettings.load(config().layout().clientProperties());
        LandingProducer producer = new LandingProducer(kafka);
        producer.send(ReferenceData.FX_RATES, ReferenceData.fxRates());
        producer.send(ReferenceData.DEPARTMENTS, ReferenceData.departments());
        CommittedKeys staged = new CommittedKeys(kafka);
        Set<String> departments = ReferenceData.departments().stream().map(ExpenseGenerator.GeneratedRecord::key).collect(Collectors.toSet());
        if (!staged.await("finance.staging.fx_rates", Set.of("EUR", "USD", "GBP"), Duration.ofSeconds(90))
                || !staged.await("hr.staging.departments", departments, Duration.ofSeconds(90))) {
            throw new IllegalStateException("the reference data did not reach staging within 90 s; see the logs in " + config().layout().logs());
        }
    }

    @Override
    public void close() {
        platform.down(Progress.SILENT);
    }
}
