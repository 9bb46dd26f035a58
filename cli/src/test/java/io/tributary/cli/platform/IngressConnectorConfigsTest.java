package io.tributary.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** The local platform's ingress source: one transaction per file, as docs/ingress.md recommends. */
class IngressConnectorConfigsTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();

    @Test
    void eachFileIsOneTransactionOnTheExactlyOnceWorker() {
        ZoneDescriptor finance = DescriptorLoader.loadDirectory(EXAMPLES).stream().filter(z -> z.zone().equals("finance")).findFirst()
                .orElseThrow();
        Map<String, String> config = IngressConnectorConfigs.config(PlatformConfig.defaults(new Installation(Path.of("/opt/tributary")),
                Path.of("/data"), EXAMPLES, PlatformPorts.DEFAULTS), finance);

        assertThat(config).containsEntry("transaction.boundary", "connector").containsEntry("exactly.once.support", "required")
                .containsEntry("zones", "finance").containsEntry("s3.bucket", IngressConnectorConfigs.BUCKET)
                .containsEntry("processed.action", "move").containsEntry("xlsx.time.zone", "UTC");
        assertThat(IngressConnectorConfigs.name(finance)).isEqualTo("finance-ingress-source");
    }
}
