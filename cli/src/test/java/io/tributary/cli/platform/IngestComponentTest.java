package io.tributary.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.tributary.model.ClientSettings;

/** The ingest service as `tributary up` starts it, and the validator ports that make room for it. */
class IngestComponentTest {
    private final PlatformConfig config = PlatformConfig.defaults(new Installation(Path.of("/opt/tributary")), Path.of("/data"),
            Path.of("/zones"), PlatformPorts.DEFAULTS);

    @Test
    void servesEveryZoneOfTheZonesFolderOnItsPortWithThePlatformsKafkaSettings() {
        ComponentSpec ingest = new ComponentCommands(config).ingest(ClientSettings.plaintext("localhost:9092"));

        assertThat(ingest.name()).isEqualTo("ingest");
        assertThat(ingest.command()).contains("-Dquarkus.http.port=8091", "-Dtributary.ingest.zones=/zones",
                "-Dkafka.bootstrap.servers=localhost:9092", "-jar", "/opt/tributary/ingest-service/target/quarkus-app/quarkus-run.jar");
        if (System.getenv(ComponentCommands.INGEST_CREDENTIALS_ENV) == null) {
            assertThat(ingest.command()).contains("-Dtributary.ingest.auth.mode=open");
        }
        assertThat(ingest.health().describe()).contains("http://localhost:8091/q/health/ready");
        assertThat(ingest.started()).isEqualTo(ingest.health());
        assertThat(ingest.address()).startsWith("http://localhost:8091");
    }

    @Test
    void upGoesOnOnceAZonesValidatorRunsWhileStatusShowsTheWholeProcess() {
        ComponentSpec validator = new ComponentCommands(config).validator("finance", Path.of("/zones/finance.yaml"), 0,
                ClientSettings.plaintext("localhost:9092"));

        assertThat(validator.health().describe()).contains("http://localhost:8090/q/health/ready");
        assertThat(validator.started().describe()).contains("http://localhost:8090/q/health/group/validator");
    }

    @Test
    void anotherPortIsTakenFromTheOption() {
        ComponentSpec ingest = new ComponentCommands(config.withIngestPort(18091)).ingest(ClientSettings.plaintext("localhost:9092"));
        assertThat(ingest.command()).contains("-Dquarkus.http.port=18091");
    }

    @Test
    void validatorsSkipTheIngestPort() {
        // Default ports: validators from 8090, ingest on 8091.
        assertThat(ComponentCommands.validatorPort(config, 0)).isEqualTo(8090);
        assertThat(ComponentCommands.validatorPort(config, 1)).isEqualTo(8092);
        assertThat(ComponentCommands.validatorPort(config, 2)).isEqualTo(8093);
        PlatformConfig elsewhere = config.withIngestPort(7000);
        assertThat(ComponentCommands.validatorPort(elsewhere, 1)).isEqualTo(8091);
    }
}
