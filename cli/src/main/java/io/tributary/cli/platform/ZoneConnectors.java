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
 * entity (its change log) and of each analytical output; one sink of all the zone's rejected
 * topics, as rows of the rejected tables; and the zone's ingress file source.
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
        if (!zone.datasets().isEmpty()) {
            connectors.put(rejectedSinkName(zone.zone()), rejectedSink(platform, zone));
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

    /** {@code <zone>-rejected-s3-sink}. */
    static String rejectedSinkName(String zone) {
        return zone + "-rejected-s3-sink";
    }

    /**
     * One connector for every {@code <zone>.rejected.<dataset>} topic (a dataset added later is
     * picked up by the pattern), in format=rejected: reason headers as columns, the original
     * bytes as text, {@code dt=} by the Kafka timestamp. Rejected records are original landing
     * bytes, which may be unapproved or sensitive, so like the landing archive the sink reads as
     * the worker's own (platform) login: the zone's connect principal reads approved stages only.
     */
    private static Map<String, String> rejectedSink(PlatformConfig platform, ZoneDescriptor zone) {
        TopicName any = zone.datasets().get(0).topic(zone.zone(), Stage.REJECTED);
        // The shared sink settings without the zone principal's consumer overrides: the worker's own login reads.
        Map<String, String> c = SinkConnectorConfigs.config(platform.withSecurity(false), any, null);
        c.remove("topics");
        c.put("topics.regex", zone.zone() + "\\.rejected\\..+");
        c.remove("schema.registry.url");
        c.put("format", "rejected");
        c.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        return c;
    }

    private static void sink(Map<String, Map<String, String>> connectors, PlatformConfig platform, TopicName topic, String eventTime) {
        connectors.put(SinkConnectorConfigs.name(topic), SinkConnectorConfigs.config(platform, topic, eventTime));
    }
}
