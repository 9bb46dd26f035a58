package io.tributary.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * azure-pipelines.yml and its deploy steps against the official Azure Pipelines schema (vendored),
 * with ajv; a pipeline with a misspelt key beside them shows the check can fail. One run: compiling
 * the 1.6 MB schema is most of its cost.
 */
class PipelineSchemaTest {

    @Test
    void thePipelineAndItsDeployStepsMatchTheSchemaAndAMisspeltOneDoesNot(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
                trigger: [main]
                stages:
                  - stage: Build
                    jobz:
                      - job: test
                        steps:
                          - script: mvn -B verify
                """);
        String pipeline = Dirs.pipeline().toString();
        String deploySteps = Dirs.helmModule().resolve("pipeline/deploy-steps.yml").toString();

        CheckRun run = CheckRun.node("check-pipeline.js", pipeline, deploySteps, broken.toString());

        assertThat(run.output()).as(run.describe())
                .contains("PASS " + pipeline + " matches the Azure Pipelines schema")
                .contains("PASS " + deploySteps + " matches the Azure Pipelines schema")
                .contains("FAIL " + broken)
                .contains("2 passed, 1 failed");
        assertThat(run.exitCode()).as("a failed file fails the run").isNotZero();
    }
}
