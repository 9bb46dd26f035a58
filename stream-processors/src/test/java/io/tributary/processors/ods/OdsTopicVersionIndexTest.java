package io.tributary.processors.ods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/** The rebuild of a task's versions from ods records, and the consumer it reads them with. */
class OdsTopicVersionIndexTest {
    private static final String STAGING = "z.staging.claims";

    private static ConsumerRecord<byte[], byte[]> ods(String key, String sourceTopic, int partition, long offset, long version, int priority) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("z.ods.claim", 0, 0L, key.getBytes(StandardCharsets.UTF_8), new byte[1]);
        OdsHeaders.mapped("claims", sourceTopic, partition, offset, version, priority).forEach(h -> record.headers().add(h));
        return record;
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheGreatestVersionPerKeyOfTheRecordsItsStagingPartitionWroteBelowTheFirstUnprocessedOffset() {
        List<ConsumerRecord<byte[], byte[]>> topic = List.of(
                ods("a", STAGING, 2, 10, 5, 0),
                ods("a", STAGING, 2, 11, 7, 0),
                ods("a", STAGING, 2, 11, 7, 0), // the same staging record written again after an aborted attempt
                ods("b", STAGING, 2, 12, 3, 1),
                ods("c", STAGING, 2, 20, 9, 0), // at the first unprocessed offset: not committed
                ods("d", STAGING, 3, 12, 9, 0), // another task's partition
                ods("e", "z.staging.other", 2, 12, 9, 0));
        LatestVersions latest = OdsTopicVersionIndex.rebuild((t, config, each) -> topic.forEach(each), "z.ods.claim", Map.of(), STAGING,
                2, 20);

        assertThat(latest.size()).isEqualTo(2);
        assertThat(latest.advance(key("a"), 7, 0)).as("duplicate of the latest").isFalse();
        assertThat(latest.advance(key("a"), 6, 9)).as("older").isFalse();
        assertThat(latest.advance(key("b"), 3, 1)).isFalse();
        assertThat(latest.advance(key("b"), 3, 2)).as("same version, higher priority").isTrue();
        assertThat(latest.advance(key("c"), 9, 0)).as("its earlier write was not committed").isTrue();
        assertThat(latest.advance(key("d"), 9, 0)).isTrue();
    }

    @Test
    void aPartitionProcessedFromItsFirstOffsetHasNothingToRebuildAndReadsNothing() {
        LatestVersions latest = OdsTopicVersionIndex.rebuild((t, config, each) -> {
            throw new AssertionError("read " + t);
        }, "z.ods.claim", Map.of(), STAGING, 2, 0);
        assertThat(latest.size()).isZero();
    }

    @Test
    void aRecordWithoutVersionHeadersIsSkipped() {
        ConsumerRecord<byte[], byte[]> foreign = new ConsumerRecord<>("z.ods.claim", 0, 0L, key("a"), new byte[1]);
        OdsHeaders.add(foreign.headers(), "tributary.source.topic", STAGING);
        OdsHeaders.add(foreign.headers(), "tributary.source.partition", "0");
        LatestVersions latest = OdsTopicVersionIndex.rebuild((t, config, each) -> each.accept(foreign), "z.ods.claim", Map.of(), STAGING,
                0, 100);
        assertThat(latest.size()).isZero();
    }

    @Test
    void readsWithTheApplicationsClientSettingsWithoutAGroupAndUncommitted() {
        Map<String, Object> app = Map.of(
                "application.id", "tributary-z-ods-map-claims",
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", new Password("secret"),
                "processing.guarantee", "exactly_once_v2",
                "consumer.isolation.level", "read_committed",
                "consumer.fetch.max.bytes", 1_000,
                "restore.consumer.fetch.max.bytes", 2_000,
                "main.consumer.fetch.min.bytes", 3,
                "group.id", "never");
        Map<String, Object> config = OdsTopicVersionIndex.consumerConfig(app, "tributary-z-ods-map-claims-0_2-claim-versions");
        assertThat(config).containsEntry("bootstrap.servers", "broker:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", new Password("secret"))
                .containsEntry("fetch.max.bytes", 2_000)
                .containsEntry("isolation.level", "read_uncommitted")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("client.id", "tributary-z-ods-map-claims-0_2-claim-versions")
                .doesNotContainKeys("group.id", "application.id", "processing.guarantee", "fetch.min.bytes");
    }

    @Test
    void theSettingNamesItsAcceptedValues() {
        assertThat(VersionStore.parse("ods-topic")).isEqualTo(VersionStore.ODS_TOPIC);
        assertThat(VersionStore.parse(" Changelog ")).isEqualTo(VersionStore.CHANGELOG);
        assertThatThrownBy(() -> VersionStore.parse("rocksdb")).hasMessage(
                "tributary.ods.version-store is 'rocksdb': expected one of [ods-topic, changelog]");
    }
}
