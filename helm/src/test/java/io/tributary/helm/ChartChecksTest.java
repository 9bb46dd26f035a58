package io.tributary.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The chart's offline checks (helm/checks/check-chart.js): each fails the build when any of its
 * checks fails, and each must have checked something.
 */
class ChartChecksTest {

    @Test
    void exampleValuesLintRenderAndMatchKubernetesAndStrimziSchemas() {
        CheckRun run = CheckRun.node("check-chart.js", "--chart", Dirs.stagedChart().toString(),
                "--out", Dirs.rendered().toString(), "--only", "lint");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        // dev, production and the unsecured minimal values: lint, then the schemas of what rendered.
        assertThat(run.lines("PASS helm lint --strict")).as(run.describe()).isEqualTo(3);
        assertThat(run.lines("PASS schemas of")).as(run.describe()).isEqualTo(3);
        assertThat(run.output()).contains("Strimzi CRDs");
    }

    @Test
    void everyBadValuesFileIsRefusedWithTheMessageItExpects() throws IOException {
        CheckRun run = CheckRun.node("check-chart.js", "--chart", Dirs.stagedChart().toString(),
                "--out", Dirs.rendered().toString(), "--only", "bad-values");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.lines("PASS bad values")).as(run.describe()).isEqualTo(yamlFiles(Dirs.checks().resolve("bad-values")));
    }

    @Test
    void zoneFilesOfAnotherClusterOrKindOrDuplicatingATopicAreRefused() throws IOException {
        CheckRun run = CheckRun.node("check-chart.js", "--chart", Dirs.stagedChart().toString(),
                "--out", Dirs.rendered().toString(), "--only", "bad-zone-files");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.lines("PASS bad zone file")).as(run.describe()).isEqualTo(yamlFiles(Dirs.checks().resolve("bad-zone-files")));
    }

    @Test
    void theManifestValidatorRejectsWhatAnApiServerWould(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaConnector
                metadata: {name: finance-expenses-staging-s3-sink, labels: {strimzi.io/cluster: tributary-connect}}
                spec: {class: io.tributary.connect.s3.S3ParquetSinkConnector, tasksMax: one, confg: {}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: registry}
                spec: {replicas: two, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: finance.staging.card_transactions}
                """);

        CheckRun run = CheckRun.node("validate-manifests.js", bad.toString());

        assertThat(run.exitCode()).as(run.describe()).isNotZero();
        assertThat(run.output())
                .contains("/spec/tasksMax must be integer")
                .contains("/spec must NOT have additional properties: confg")
                .contains("spec/replicas must be integer")
                .contains("metadata.name \"finance.staging.card_transactions\" is not a valid Kubernetes name")
                .contains("0 passed, 3 failed");
    }

    private static long yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
    }
}
