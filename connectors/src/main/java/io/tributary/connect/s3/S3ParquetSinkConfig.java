package io.tributary.connect.s3;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.partition.DailyPartitioner;
import io.tributary.connect.s3.partition.EventTimeExtractor;
import io.tributary.connect.s3.partition.FieldEventTimeExtractor;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;
import io.tributary.connect.s3.rotation.CompositeRotation;
import io.tributary.connect.s3.rotation.EventTimeSpanRotation;
import io.tributary.connect.s3.rotation.RecordCountRotation;
import io.tributary.connect.s3.rotation.RotationPolicy;
import io.tributary.connect.s3.rotation.WallClockRotation;
import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.connect.s3.writer.WriterSettings;

/** The sink's configuration: definitions with documentation and validation, and typed access. */
public final class S3ParquetSinkConfig extends AbstractConfig {
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String PARQUET_CODEC = "parquet.codec";
    public static final String PARQUET_ROW_GROUP_SIZE = "parquet.row.group.size";
    public static final String PARQUET_PAGE_SIZE = "parquet.page.size";
    public static final String PARTITION_FIELD = "partition.field";
    public static final String TIMEZONE = "timezone";
    public static final String MEMORY_BUDGET = "memory.budget.bytes";

    /** Connect's own error-handling keys, read to decide between dead-letter queue and failure. */
    static final String ERRORS_TOLERANCE = "errors.tolerance";
    static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";

    private static final String GROUP_S3 = "S3";
    private static final String GROUP_INPUT = "Input";
    private static final String GROUP_FILES = "Files";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final int MIB = 1024 * 1024;

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, S3ParquetSinkConfig::validateBucket, Importance.HIGH,
                    "The lake bucket. Objects are written under <stage>/<zone>/<dataset>/dt=YYYY-MM-DD/.",
                    GROUP_S3, 1, Width.MEDIUM, "Bucket")
            .define(S3_ENDPOINT, Type.STRING, "", S3ParquetSinkConfig::validateEndpoint, Importance.MEDIUM,
                    "Endpoint of an S3-compatible store (e.g. http://localhost:9000), used with path-style access."
                            + " Empty for AWS S3 itself.",
                    GROUP_S3, 2, Width.LONG, "Endpoint")
            .define(S3_REGION, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "AWS region of the bucket (signing region for S3-compatible stores).", GROUP_S3, 3, Width.SHORT, "Region")
            .define(AWS_ACCESS_KEY_ID, Type.STRING, "", Importance.MEDIUM,
                    "Access key id. Empty to use the default AWS credential chain (environment, instance role, IRSA);"
                            + " when set, " + AWS_SECRET_ACCESS_KEY + " must be set too.",
                    GROUP_S3, 4, Width.MEDIUM, "Access key id")
            .define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                    "Secret access key belonging to " + AWS_ACCESS_KEY_ID + ".", GROUP_S3, 5, Width.MEDIUM, "Secret access key")
            .define(S3_PART_SIZE, Type.INT, 8 * MIB, ConfigDef.Range.between(S3Settings.MIN_PART_SIZE, 512 * MIB), Importance.LOW,
                    "Size in bytes of the multipart-upload parts a file is streamed in (S3's minimum is 5 MiB). Each open"
                            + " file holds up to one part in memory; a file smaller than one part is sent with a single PUT.",
                    GROUP_S3, 6, Width.SHORT, "Part size")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, S3ParquetSinkConfig::validateRegistryUrl,
                    Importance.HIGH, "URL of a Confluent-compatible schema registry; record values are in the Confluent wire"
                            + " format and their writer schemas are fetched by id.",
                    GROUP_INPUT, 1, Width.LONG, "Schema registry URL")
            .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, "", Importance.LOW,
                    "user:password for HTTP basic authentication to the schema registry; empty for none.",
                    GROUP_INPUT, 2, Width.MEDIUM, "Schema registry credentials")
            .define(PARTITION_FIELD, Type.STRING, "", Importance.MEDIUM,
                    "Top-level field of the value holding the event time that chooses the dt= folder (a timestamp-millis/micros"
                            + " long, a date int, a plain long of epoch milliseconds or an ISO-8601 string). Empty to use the"
                            + " Kafka record timestamp; a record whose field is null falls back to it as well.",
                    GROUP_INPUT, 3, Width.MEDIUM, "Event-time field")
            .define(TIMEZONE, Type.STRING, "UTC", S3ParquetSinkConfig::validateZone, Importance.MEDIUM,
                    "Time zone in which event times are cut into days (dt=YYYY-MM-DD), e.g. UTC or Europe/Paris.",
                    GROUP_INPUT, 4, Width.SHORT, "Time zone")
            .define(FLUSH_SIZE, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "Records per file: a file is complete when it holds this many records.",
                    GROUP_FILES, 1, Width.SHORT, "Flush size")
            .define(ROTATE_INTERVAL_MS, Type.LONG, -1L, S3ParquetSinkConfig::validateInterval, Importance.MEDIUM,
                    "Largest span of event time (or record time) one file may cover, in ms; -1 for no limit. Depends on"
                            + " the data only, so re-runs cut files at the same offsets.",
                    GROUP_FILES, 2, Width.SHORT, "Rotate interval")
            .define(ROTATE_SCHEDULE_INTERVAL_MS, Type.LONG, -1L, S3ParquetSinkConfig::validateInterval, Importance.MEDIUM,
                    "Longest time a file stays open by the wall clock, in ms, so that quiet partitions still land; -1 for"
                            + " no limit. Exactly-once holds with it too, since the resume point is read from S3.",
                    GROUP_FILES, 3, Width.SHORT, "Rotate schedule interval")
            .define(PARQUET_CODEC, Type.STRING, ParquetCodec.SNAPPY.id(), S3ParquetSinkConfig::validateCodec, Importance.MEDIUM,
                    "Parquet compression codec: " + ParquetCodec.ids() + ".", GROUP_FILES, 4, Width.SHORT, "Codec")
            .define(PARQUET_ROW_GROUP_SIZE, Type.LONG, 8L * MIB, ConfigDef.Range.atLeast(64 * 1024), Importance.LOW,
                    "Target row-group size in bytes. Parquet keeps the current row group of every open file in memory.",
                    GROUP_FILES, 5, Width.SHORT, "Row group size")
            .define(PARQUET_PAGE_SIZE, Type.INT, MIB, ConfigDef.Range.atLeast(8 * 1024), Importance.LOW,
                    "Target Parquet page size in bytes.", GROUP_FILES, 6, Width.SHORT, "Page size")
            .define(MEMORY_BUDGET, Type.LONG, 256L * MIB, ConfigDef.Range.atLeast(MIB), Importance.MEDIUM,
                    "Memory in bytes all open files of a task may hold together (row groups and part buffers). When it is"
                            + " exceeded, the partition holding most is committed early instead of running out of memory.",
                    GROUP_FILES, 7, Width.SHORT, "Memory budget");

    public S3ParquetSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        for (String problem : crossFieldProblems(props)) {
            throw new ConfigException(problem);
        }
    }

    /** Checks that involve more than one property; each message names the properties. */
    static List<String> crossFieldProblems(Map<String, String> props) {
        List<String> problems = new ArrayList<>();
        boolean key = !props.getOrDefault(AWS_ACCESS_KEY_ID, "").isBlank();
        boolean secret = !props.getOrDefault(AWS_SECRET_ACCESS_KEY, "").isBlank();
        if (key != secret) {
            problems.add("Invalid value for configuration " + (key ? AWS_SECRET_ACCESS_KEY : AWS_ACCESS_KEY_ID) + ": "
                    + AWS_ACCESS_KEY_ID + " and " + AWS_SECRET_ACCESS_KEY + " must be set together, or both left empty"
                    + " for the default AWS credential chain");
        }
        return problems;
    }

    public S3Settings s3Settings() {
        String endpoint = getString(S3_ENDPOINT).trim();
        String accessKey = getString(AWS_ACCESS_KEY_ID).trim();
        return new S3Settings(getString(S3_BUCKET), endpoint.isEmpty() ? Optional.empty() : Optional.of(endpoint),
                getString(S3_REGION), accessKey.isEmpty() ? Optional.empty() : Optional.of(accessKey),
                accessKey.isEmpty() ? Optional.empty() : Optional.of(getPassword(AWS_SECRET_ACCESS_KEY).value()),
                getInt(S3_PART_SIZE));
    }

    public String bucket() {
        return getString(S3_BUCKET);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    /** user:password, or null for none. */
    public String schemaRegistryUserInfo() {
        Password p = getPassword(SCHEMA_REGISTRY_USER_INFO);
        return p == null || p.value().isBlank() ? null : p.value();
    }

    public ZoneId timezone() {
        return ZoneId.of(getString(TIMEZONE));
    }

    public EventTimeExtractor eventTimeExtractor() {
        String field = getString(PARTITION_FIELD).trim();
        return field.isEmpty() ? new RecordTimestampExtractor() : new FieldEventTimeExtractor(field, timezone());
    }

    public RotationPolicy rotationPolicy() {
        List<RotationPolicy> policies = new ArrayList<>();
        policies.add(new RecordCountRotation(getLong(FLUSH_SIZE)));
        if (getLong(ROTATE_INTERVAL_MS) > 0) {
            policies.add(new EventTimeSpanRotation(getLong(ROTATE_INTERVAL_MS)));
        }
        if (getLong(ROTATE_SCHEDULE_INTERVAL_MS) > 0) {
            policies.add(new WallClockRotation(getLong(ROTATE_SCHEDULE_INTERVAL_MS)));
        }
        return new CompositeRotation(policies);
    }

    public ParquetSettings parquetSettings() {
        return new ParquetSettings(ParquetCodec.fromId(getString(PARQUET_CODEC)), getLong(PARQUET_ROW_GROUP_SIZE),
                getInt(PARQUET_PAGE_SIZE));
    }

    public WriterSettings writerSettings() {
        return new WriterSettings(new DailyPartitioner(timezone()), eventTimeExtractor(), rotationPolicy(), parquetSettings(),
                getLong(MEMORY_BUDGET));
    }

    /** Bad records go to Connect's dead-letter queue only when one is configured and errors are tolerated. */
    public static boolean deadLetterQueueEnabled(Map<String, String> props) {
        return "all".equals(props.getOrDefault(ERRORS_TOLERANCE, "none").trim().toLowerCase(Locale.ROOT))
                && !props.getOrDefault(DLQ_TOPIC, "").isBlank();
    }

    private static void validateBucket(String name, Object value) {
        String bucket = value == null ? "" : value.toString();
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new ConfigException(name, value, "an S3 bucket name has 3-63 characters: lower-case letters, digits, dots and"
                    + " hyphens, starting and ending with a letter or digit");
        }
    }

    private static void validateEndpoint(String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (!text.isEmpty()) {
            requireHttpUrl(name, text);
        }
    }

    private static void validateRegistryUrl(String name, Object value) {
        requireHttpUrl(name, value == null ? "" : value.toString().trim());
    }

    private static void requireHttpUrl(String name, String text) {
        try {
            URI uri = URI.create(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, text, "must be an http:// or https:// URL with a host");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, text, "is not a URL: " + e.getMessage());
        }
    }

    private static void validateZone(String name, Object value) {
        try {
            ZoneId.of(String.valueOf(value));
        } catch (DateTimeException e) {
            throw new ConfigException(name, value, "not a time zone id such as UTC or Europe/Paris");
        }
    }

    private static void validateInterval(String name, Object value) {
        long ms = (Long) value;
        if (ms != -1 && ms < 1) {
            throw new ConfigException(name, value, "must be -1 (off) or a positive number of milliseconds");
        }
    }

    private static void validateCodec(String name, Object value) {
        try {
            ParquetCodec.fromId(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }
}
