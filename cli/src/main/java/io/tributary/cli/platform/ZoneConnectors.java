package io.tributary.cli.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.model.VersionSpec;
import io.tributary.model.ZoneDescriptor;

/**
 * The Kafka Connect connectors a zone gets on the local platform, by name: for each dataset a
 * raw archive of landing (for replay) and a Parquet sink of staging; a Parquet sink of each ods
 * entity (its change log) and of each analytical output; and the zone's ingress file source.
 * Rejected records stay in their topic: they are raw bytes that need not match any schema.
 */
final class ZoneConnectors {
    private ZoneConnectors() {
    }

    static Map<String, Map<String, String>> of(PlatformConfig platform, ZoneDescriptor zone) {
        Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
        for (DatasetSpec dataset : zone.datasets()) {
            sink(connectors, platform, dataset.topic(zone.zone(), Stage.LANDING), null);
            sink(connectors, platform, dataset.topic(zone.zone(), Stage.STAGING), dataset.eventTimeField());
        }
        for (EntitySpec entity : zone.entities()) {
            String eventTime = entity.version().kind() == VersionSpec.Kind.EVENT_TIME ? entity.version().field() : null;
            sink(connectors, platform, entity.topic(zone.zone()), eventTime);
        }
        for (AnalyticalSpec output : zone.analytical()) {
            // Windows and joins are timed by their records' Kafka timestamps.
            sink(connectors, platform, output.topic(zone.zone()), null);
        }
        connectors.put(IngressConnectorConfigs.name(zone), IngressConnectorConfigs.config(platform, zone));
        return connectors;
    }

    private static void sink(Map<String, Map<String, String>> connectors, PlatformConfig platform, TopicName topic, String eventTime) {
        connectors.put(SinkConnectorConfigs.name(topic), SinkConnectorConfigs.config(platform, topic, eventTime));
    }
}
