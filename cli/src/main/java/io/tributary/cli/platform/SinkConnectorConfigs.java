package io.tributary.cli.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/**
 * The S3 Parquet sink's configuration for one dataset's stage topic. One connector per dataset
 * and stage, so each partitions by its own event-time field and can be paused on its own.
 */
public final class SinkConnectorConfigs {
    public static final String CONNECTOR_CLASS = "io.tributary.connect.s3.S3ParquetSinkConnector";

    private SinkConnectorConfigs() {
    }

    public static String name(ZoneDescriptor zone, DatasetSpec dataset, Stage stage) {
        return zone.zone() + "-" + dataset.name() + "-" + stage.id() + "-s3-sink";
    }

    public static Map<String, String> config(PlatformConfig platform, ZoneDescriptor zone, DatasetSpec dataset, Stage stage) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("topics", dataset.topic(zone.zone(), stage).toString());
        c.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("s3.bucket", platform.lakeBucket());
        c.put("s3.endpoint", platform.s3Endpoint());
        c.put("s3.region", "us-east-1");
        c.put("aws.access.key.id", platform.s3AccessKey());
        c.put("aws.secret.access.key", platform.s3SecretKey());
        c.put("schema.registry.url", platform.registryUrl());
        c.put("flush.size", String.valueOf(platform.sink().flushSize()));
        c.put("rotate.schedule.interval.ms", String.valueOf(platform.sink().rotateScheduleIntervalMs()));
        if (dataset.eventTimeField() != null) {
            c.put("partition.field", dataset.eventTimeField());
        }
        c.put("timezone", "UTC");
        return c;
    }
}
