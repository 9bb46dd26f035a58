package io.tributary.cli.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.model.ZoneDescriptor;

/**
 * The ingress file source's configuration for one zone on the local platform: files dropped in
 * the local S3 server's {@code ingress} bucket under {@code <zone>/<dataset>/} land in
 * {@code <zone>.landing.<dataset>}. There are no S3 notifications locally, so the bucket is
 * listed every few seconds.
 */
public final class IngressConnectorConfigs {
    public static final String BUCKET = "ingress";
    public static final String CONNECTOR_CLASS = "io.tributary.connect.source.IngressSourceConnector";
    static final long LOCAL_LISTING_INTERVAL_MS = 3_000;

    private IngressConnectorConfigs() {
    }

    public static String name(ZoneDescriptor zone) {
        return zone.zone() + "-ingress-source";
    }

    public static Map<String, String> config(PlatformConfig platform, ZoneDescriptor zone) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        c.put("tasks.max", "1");
        c.put("zones", zone.zone());
        c.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        // One transaction per file (the local worker supports exactly-once sources): the validator,
        // reading committed records only, sees a file whole or not at all (docs/ingress.md).
        c.put("exactly.once.support", "required");
        c.put("transaction.boundary", "connector");
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", platform.s3Endpoint());
        c.put("s3.region", "us-east-1");
        c.put("aws.access.key.id", platform.s3AccessKey());
        c.put("aws.secret.access.key", platform.s3SecretKey());
        c.put("listing.interval.ms", String.valueOf(LOCAL_LISTING_INTERVAL_MS));
        c.put("processed.action", "move");
        // The sample spreadsheets' date-times are UTC; the validator wants an offset on timestamps.
        c.put("xlsx.time.zone", "UTC");
        c.put("landing.bootstrap.servers", platform.kafkaBootstrap());
        if (platform.secured()) {
            // The connector's own admin client checks landing topics as the platform; the password stays in client.properties.
            String file = platform.layout().clientProperties().toAbsolutePath().toString();
            for (String key : PlatformSecrets.kafkaLoginKeys(platform)) {
                c.put("landing.admin." + key, "${file:" + file + ":" + key + "}");
            }
        }
        c.put("spool.dir", platform.layout().dataDir().resolve("ingress-spool").toAbsolutePath().toString());
        return c;
    }
}
