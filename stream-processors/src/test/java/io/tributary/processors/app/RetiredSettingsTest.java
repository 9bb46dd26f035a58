package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The topic settings that each zone's own platform topics replaced stop the start, saying what replaced them. */
class RetiredSettingsTest {

    @Test
    void aRetiredTopicSettingStopsTheStartNamingTheZonesOwnTopic() {
        SmallRyeConfig config = config(Map.of("tributary.batches.topic", "batch-reports", "tributary.ods.holds-topic", "holds"));

        assertThatThrownBy(() -> RetiredSettings.refuse(config, "finance"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Zone finance")
                .hasMessageContaining("tributary.batches.topic (set to 'batch-reports') is no longer read: batch reports go to "
                        + "the zone's own _tributary.finance.batches")
                .hasMessageContaining("tributary.ods.holds-topic (set to 'holds') is no longer read: steward holds are read from "
                        + "the zone's own _tributary.finance.holds");
    }

    @Test
    void withoutThemNothingIsRefused() {
        assertThatCode(() -> RetiredSettings.refuse(config(Map.of("tributary.zone.descriptor", "shop.yaml")), "shop"))
                .doesNotThrowAnyException();
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 400)).build();
    }
}
