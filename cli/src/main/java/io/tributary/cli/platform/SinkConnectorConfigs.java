package io.tributary.cli.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
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
        return name(dataset.topic(zone.zone(), stage));
    }

    /** {@code <zone>-<dataset or entity>-<stage>-s3-sink}. */
    public static String name(TopicName topic) {
        return topic.zone() + "-" + topic.dataset() + "-" + topic.stage().id() + "-s3-sink";
    }

    public static Map<String, String> config(PlatformConfig platform, ZoneDescriptor zone, DatasetSpec dataset, Stage stage) {
        return config(platform, dataset.topic(zone.zone(), stage), dataset.eventTimeField());
    }

    /**
     * The sink of one stage topic: Parquet partitioned by {@code eventTimeField} (or the Kafka
     * timestamp when null); landing is kept raw, in the archive format under {@code _raw/}, for replay.
     */
    public static Map<String, String> config(PlatformConfig platform, TopicName topic, String eventTimeField) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("topics", topic.toString());
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
        if (topic.stage() == Stage.LANDING) {
            c.put("format", "archive");
            // The archive keeps header bytes as they were produced, not as the worker's converter would parse them.
            c.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        } else if (eventTimeField != null) {
            c.put("partition.field", eventTimeField);
        }
        c.put("timezone", "UTC");
        if (platform.secured() && topic.stage() != Stage.LANDING) {
            // The zone's approved stages are read as the zone's connect principal, so a misconfigured connector cannot
            // read another zone's topics; landing is the platform's alone (the worker's own login). The password stays
            // in an owner-only file, named through the worker's file config provider.
            String file = new PlatformSecrets(platform).zoneConnectSettings(topic.zone()).toAbsolutePath().toString();
            for (String key : PlatformSecrets.kafkaLoginKeys(platform)) {
                c.put("consumer.override." + key, "${file:" + file + ":" + key + "}");
            }
            c.put("schema.registry.basic.auth.user.info", "${file:" + file + ":basic.auth.user.info}");
        } else if (platform.secured()) {
            // Landing is archived as the worker's own (platform) login; its registry login is the platform's too.
            String file = platform.layout().clientProperties().toAbsolutePath().toString();
            c.put("schema.registry.basic.auth.user.info", "${file:" + file + ":basic.auth.user.info}");
        }
        return c;
    }
}
