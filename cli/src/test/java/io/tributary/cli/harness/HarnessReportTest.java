package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are self-contained HTML and CSV that say what failed. */
class HarnessReportTest {
    @TempDir
    Path dir;

    @Test
    void aFailedChaosRunIsReportedWithItsInterruptionsAndTheMachine() throws Exception {
        DeliveryReport delivery = new DeliveryReport(10, 8, 1, List.of("EXP-1"), List.of(), List.of(), List.of(), List.of());
        ChaosOutcome outcome = new ChaosOutcome(ChaosSettings.smoke(1),
                List.of(new ChaosOutcome.Interruption("connect", "SIGKILL", 1200, 5400),
                        new ChaosOutcome.Interruption("kafka-broker", "SIGTERM", 3000, 4000)), delivery, Duration.ofSeconds(30), null);
        Path html = new HarnessReport(dir).write(outcome);

        String page = Files.readString(html);
        assertThat(page).contains("FAILED", "lost 1 [EXP-1]", "<svg", "connect (SIGKILL)", "cores").doesNotContain("<script", "src=");
        assertThat(Files.readAllLines(dir.resolve("chaos.csv")))
                .containsExactly("component,stop,at_ms,healthy_again_ms", "connect,SIGKILL,1200,5400", "kafka-broker,SIGTERM,3000,4000");
        assertThat(outcome.kills()).isEqualTo(1);
        assertThat(outcome.ok()).isFalse();
    }

    @Test
    void corpusCasesAreListedWithExpectedAndObservedOutcomes() throws Exception {
        CorpusCase c = new CorpusCase("json_truncated", CorpusCase.Channel.JSON, "events", "cut off, mid-way",
                CorpusCase.Expected.rejected("NOT_JSON"), new CorpusCase.LandingInput(new byte[1], java.util.Map.of()));
        CaseResult r = new CaseResult(c, 1, 0, 1, List.of("NOT_JSON"), List.of(""), -1, null);
        new HarnessReport(dir).write(new CorpusOutcome(List.of(r), List.of(), Duration.ofSeconds(3)));

        assertThat(Files.readAllLines(dir.resolve("corpus.csv"))).containsExactly("case,channel,dataset,description,expected,observed",
                "json_truncated,JSON,events,\"cut off, mid-way\",rejected NOT_JSON,\"landed 1, accepted 0, rejected 1 [NOT_JSON]\"");
        assertThat(Files.readString(dir.resolve("corpus.html"))).contains("PASSED", "json_truncated");
    }

    @Test
    void benchmarkFiguresAreTheLinesThatStateResults() throws Exception {
        Path out = Files.writeString(dir.resolve("out.log"), """
                12:00:01.000 INFO  starting broker
                validator: 151,234 records/s
                pass-through: 170,001 records/s
                validator / pass-through: 89%
                18:13:28.173 ERROR ReplicaManager - Error processing append operation on partition bench.staging.expenses-3
                done
                """);
        assertThat(BenchRunner.figures(out)).containsExactly("validator: 151,234 records/s", "pass-through: 170,001 records/s",
                "validator / pass-through: 89%");
        assertThat(BenchScenario.all(false)).extracting(BenchScenario::name)
                .containsExactly("registry-serializer", "registry-lookup", "validator", "sink", "ods", "ingest", "ingress", "latency", "scale", "e2e");
    }
}
