package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.Installation;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformPorts;
import io.tributary.cli.platform.Progress;
import io.tributary.local.Ports;

/**
 * The reliability harness's smoke mode on the real platform, every component its own process:
 * the whole bad-input corpus; then a few seconds of expense claims while the Connect worker and a
 * validator are killed with SIGKILL and the broker is restarted, and every claim is looked for in
 * the lake and the rejected topic. Fails on any lost, duplicated or altered record, any
 * unaccounted input, any wrong reason code or HTTP status, and any component left down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarnessSmokeIT {
    static {
        // The harness logs each kill, restart and check at INFO (into the failsafe report); libraries stay at WARN.
        System.setProperty("tributary.log.level", "INFO");
    }

    @TempDir
    static Path dataDir;

    private PlatformConfig config;
    private HarnessPlatform harness;

    @BeforeAll
    void up() {
        Installation installation = Installation.current();
        // Zone processors bind consecutive ports from the processors port, late in the start: a range outside the ephemeral one.
        PlatformPorts ports = new PlatformPorts(Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freeRange(4));
        config = PlatformConfig.defaults(installation, dataDir, dataDir.resolve("zones"), ports).withIngestPort(Ports.freeRange(1))
                .withSecurity(false);
        harness = HarnessPlatform.start(config, new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void done(String message) {
                System.out.println(java.time.LocalTime.now() + " " + message);
            }
        });
    }

    @AfterAll
    void down() {
        // Through the state file, so that components are stopped even when the start failed half-way.
        if (config != null) {
            new LocalPlatform(config).down(Progress.SILENT);
        }
    }

    @Test
    @Order(2)
    void noClaimIsLostDuplicatedOrAlteredWhileComponentsAreKilled() {
        ChaosOutcome outcome = new ChaosRun(harness.config()).run(ChaosSettings.smoke(20261128L));
        new HarnessReport(harness.config().layout().dataDir().resolve("reports")).write(outcome);
        System.out.println("Chaos smoke: " + outcome.summary());

        assertThat(outcome.loadFailure()).isNull();
        assertThat(outcome.kills()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.interruptions()).extracting(ChaosOutcome.Interruption::component)
                .contains("connect", "finance-validator", "kafka-broker");
        DeliveryReport delivery = outcome.delivery();
        assertThat(delivery.produced()).isEqualTo(ChaosSettings.smoke(0).records());
        assertThat(delivery.ok()).as(delivery.summary()).isTrue();
        assertThat(delivery.inLake() + delivery.rejected()).isEqualTo(delivery.produced());
        assertThat(harness.platform().status()).allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo(ComponentStatus.State.UP));
    }

    @Test
    @Order(1)
    void everyBadInputIsAccountedForWithItsReasonAndNoComponentStops() {
        CorpusOutcome outcome = new CorpusRunner(harness.config()).run(Duration.ofSeconds(120));
        new HarnessReport(harness.config().layout().dataDir().resolve("reports")).write(outcome);
        System.out.println("Corpus: " + outcome.summary());

        assertThat(outcome.results()).hasSizeGreaterThanOrEqualTo(45);
        assertThat(outcome.problems()).as(outcome.summary()).isEmpty();
        List<ComponentStatus> status = harness.platform().status();
        assertThat(status).allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo(ComponentStatus.State.UP));
    }
}
