package io.tributary.ingest.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A key the service no longer reads stops the start with what to do, rather than being silently ignored. */
class RemovedKeysTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void theSharedBatchesTopicKeyIsRefusedNamingTheZonesTopics() {
        assertThatThrownBy(() -> IngestBeans.refuseRemovedKeys(config(Map.of("tributary.ingest.batches-topic", "arrivals"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tributary.ingest.batches-topic is no longer a setting")
                .hasMessageContaining("_tributary.<zone>.batches");
    }

    @Test
    void aConfigurationWithoutItStarts() {
        assertThatCode(() -> IngestBeans.refuseRemovedKeys(config(Map.of("tributary.ingest.zones", "/etc/tributary/zones"))))
                .doesNotThrowAnyException();
    }
}
