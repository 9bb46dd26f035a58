package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ValidationMode;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.topology.ValidatorScope;

/** Settings derived from the zone descriptor, and who wins over them. */
class ZoneDescriptorConfigSourceTest {

    @Test
    void theApplicationIdAndTopicsComeFromTheDescriptor() {
        SmallRyeConfig config = config(Map.of("tributary.zone.descriptor", ShopFixtures.descriptorPath().toString()));

        assertThat(config.getValue("quarkus.kafka-streams.application-id", String.class)).isEqualTo("tributary-shop-validator");
        assertThat(config.getValue("quarkus.kafka-streams.topics", String.class)).isEqualTo(
                "shop.landing.orders,shop.staging.orders,shop.rejected.orders,"
                        + "shop.landing.payments,shop.staging.payments,shop.rejected.payments,"
                        + "shop.landing.refunds,shop.staging.refunds,shop.rejected.refunds,"
                        + "shop.landing.events,shop.staging.events,shop.rejected.events,"
                        + "shop.landing.ledger,shop.staging.ledger,shop.rejected.ledger,"
                        + "_tributary.shop.batches");
    }

    @Test
    void aZoneWithBatchDatasetsWaitsForItsOwnBatchReportTopicOnly() {
        ZoneDescriptor noBatches = DescriptorLoader.load(Path.of("src/test/resources/ods/fin.yaml"));
        assertThat(noBatches.datasets()).noneMatch(d -> d.validationMode() == ValidationMode.BATCH);
        assertThat(ZoneDescriptorConfigSource.derive(ValidatorScope.of(noBatches)).get("quarkus.kafka-streams.topics"))
                .doesNotContain("_tributary.");

        String shopTopics = ZoneDescriptorConfigSource.derive(ValidatorScope.of(ShopFixtures.zone())).get("quarkus.kafka-streams.topics");
        assertThat(List.of(shopTopics.split(","))).filteredOn(t -> t.startsWith("_tributary.")).containsExactly("_tributary.shop.batches");
    }

    @Test
    void explicitSettingsWin() {
        SmallRyeConfig config = config(Map.of("tributary.zone.descriptor", ShopFixtures.descriptorPath().toString(),
                "quarkus.kafka-streams.application-id", "shop-validator-blue"));

        assertThat(config.getValue("quarkus.kafka-streams.application-id", String.class)).isEqualTo("shop-validator-blue");
    }

    @Test
    void withoutDescriptorOrWithABrokenOneNothingIsDerived(@TempDir Path dir) throws Exception {
        assertThat(config(Map.of()).getOptionalValue("quarkus.kafka-streams.application-id", String.class)).isEmpty();

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "zone: [not, a, name]\n");
        assertThat(config(Map.of("tributary.zone.descriptor", broken.toString()))
                .getOptionalValue("quarkus.kafka-streams.topics", String.class)).isEmpty();
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .withSources(new ZoneDescriptorConfigSource())
                .build();
    }
}
