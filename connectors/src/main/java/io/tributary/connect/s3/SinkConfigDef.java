package io.tributary.connect.s3;

import static io.tributary.connect.s3.S3ParquetSinkConfig.*;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.tributary.connect.s3.archive.ArchiveCodec;
import io.tributary.connect.s3.catalog.Catalog;
import io.tributary.connect.s3.catalog.NoopCatalog;
import io.tributary.connect.s3.parquet.KafkaColumns;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.partition.Granularity;
import io.tributary.connect.s3.schema.CompatibilityMode;
import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.connect.s3.writer.MemoryOverflow;

/**
 * The sink's configuration definitions: each key with its type, default, validator, importance,
 * documentation and group, as Connect shows them in {@code /connector-plugins/.../config/validate}.
 * A validator answers a bad value with the property's name and the reason.
 */
final class SinkConfigDef {
    private static final String GROUP_S3 = "S3";
    private static final String GROUP_INPUT = "Input";
    private static final String GROUP_FORMAT = "Format";
    private static final String GROUP_PARTITIONING = "Partitioning";
    private static final String GROUP_ROTATION = "Rotation";
    private static final String GROUP_SCHEMA = "Schema evolution";
    private static final String GROUP_MEMORY = "Memory";
    private static final String GROUP_CATALOG = "Catalog";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MIB = 1024 * 1024;

    private SinkConfigDef() {
    }

    static ConfigDef build() {
        ConfigDef def = new ConfigDef();
        defineS3(def);
        defineInput(def);
        defineFormat(def);
        definePartitioning(def);
        defineRotation(def);
        def.define(SCHEMA_COMPATIBILITY, Type.STRING, CompatibilityMode.NONE.name(), enumValidator(CompatibilityMode::fromId),
                Importance.MEDIUM, "What a record whose schema differs from its open file's does. NONE: starts a new file (one writer"
                        + " schema per file). BACKWARD: a newer schema that can read the file's records starts a new file, an older"
                        + " record the file's schema can read is projected into it. FORWARD: the file keeps its schema and records it"
                        + " can read are projected into it. FULL: like BACKWARD, with both directions required. Records that do not"
                        + " qualify go to the dead-letter queue with the reason. Newer means a higher schema id (or Connect schema"
                        + " version).",
                GROUP_SCHEMA, 1, Width.SHORT, "Schema compatibility");
        defineMemory(def);
        def.define(CATALOG_CLASS, Type.STRING, NoopCatalog.class.getName(), SinkConfigDef::validateCatalogClass, Importance.LOW,
                "Class implementing io.tributary.connect.s3.catalog.Catalog, told about each partition folder a commit writes into"
                        + " (to add partitions to Glue or a local SQL engine). catalog.* properties are passed to it.",
                GROUP_CATALOG, 1, Width.LONG, "Catalog");
        return def;
    }

    private static void defineS3(ConfigDef def) {
        def.define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, SinkConfigDef::validateBucket, Importance.HIGH,
                        "The lake bucket. Parquet objects are written under <stage>/<zone>/<dataset>/<partition>/.",
                        GROUP_S3, 1, Width.MEDIUM, "Bucket")
                .define(S3_ENDPOINT, Type.STRING, "", SinkConfigDef::validateEndpoint, Importance.MEDIUM,
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
                        "Size in bytes of the multipart-upload parts a file is streamed in (S3's minimum is 5 MiB). The task holds one"
                                + " part in memory while it writes a file; a file smaller than one part is sent with a single PUT.",
                        GROUP_S3, 6, Width.SHORT, "Part size")
                .define(S3_UPLOAD_CONCURRENCY, Type.INT, 4, ConfigDef.Range.between(1, 64), Importance.LOW,
                        "Uploads a task completes at once while it encodes the next file, so that thousands of folders closing"
                                + " together are not uploaded one round trip at a time. Upload buffers in flight never exceed one part.",
                        GROUP_S3, 7, Width.SHORT, "Upload concurrency")
                .define(S3_RETRY_MAX_ATTEMPTS, Type.INT, 10, ConfigDef.Range.between(1, 100), Importance.LOW,
                        "Attempts per S3 request (throttling, 5xx, network faults) before the task fails with the last error.",
                        GROUP_S3, 7, Width.SHORT, "Retry attempts")
                .define(S3_RETRY_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                        "Delay before the first retry of an S3 request, doubled at each further attempt (with jitter).",
                        GROUP_S3, 8, Width.SHORT, "Retry back-off")
                .define(S3_RETRY_BACKOFF_MAX_MS, Type.LONG, 20_000L, ConfigDef.Range.between(1, 600_000), Importance.LOW,
                        "Longest delay between two attempts of an S3 request.", GROUP_S3, 9, Width.SHORT, "Retry back-off max")
                .define(S3_CONDITIONAL_WRITES, Type.BOOLEAN, true, Importance.LOW,
                        "Write the sink's checkpoints with If-Match / If-None-Match, so that two tasks writing one partition are"
                                + " detected. Turn off only for S3-compatible stores that reject conditional PUTs.",
                        GROUP_S3, 10, Width.SHORT, "Conditional writes");
    }

    private static void defineInput(ConfigDef def) {
        def.define(SCHEMA_REGISTRY_URL, Type.STRING, "", SinkConfigDef::validateRegistryUrl, Importance.HIGH,
                        "URL of a Confluent-compatible schema registry. Needed for format=parquet when values arrive as bytes"
                                + " (value.converter=ByteArrayConverter): they are in the Confluent wire format and their writer schemas"
                                + " are fetched by id. Not used when a converter already gives Connect Structs.",
                        GROUP_INPUT, 1, Width.LONG, "Schema registry URL")
                .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, "", SinkConfigDef::validateUserInfo, Importance.LOW,
                        "user:password for HTTP basic authentication to the schema registry; empty for none.",
                        GROUP_INPUT, 2, Width.MEDIUM, "Schema registry credentials");
    }

    private static void defineFormat(ConfigDef def) {
        def.define(FORMAT, Type.STRING, FORMAT_PARQUET, ConfigDef.ValidString.in(FORMAT_PARQUET, FORMAT_ARCHIVE, FORMAT_REJECTED), Importance.HIGH,
                        "parquet: columns from the records' Avro schema, for analysts. archive: the raw Kafka records (key, value and"
                                + " header bytes, offset, timestamp) in Avro container files under " + ARCHIVE_PREFIX + ", for landing"
                                + " data that must be kept for replay but not shown to analysts. rejected: records of <zone>.rejected.<dataset>"
                                + " topics as Parquet rows of the rejected tables' shape (reason headers as columns, original key and value"
                                + " as text), partitioned by their Kafka timestamp.",
                        GROUP_FORMAT, 1, Width.SHORT, "Format")
                .define(ARCHIVE_PREFIX, Type.STRING, "_raw", SinkConfigDef::validatePrefix, Importance.MEDIUM,
                        "Prefix of archive objects: <prefix>/<stage>/<zone>/<dataset>/... Keep it out of analysts' reach with a bucket"
                                + " policy; query engines skip paths starting with an underscore.",
                        GROUP_FORMAT, 2, Width.SHORT, "Archive prefix")
                .define(ARCHIVE_CODEC, Type.STRING, ArchiveCodec.SNAPPY.id(), enumValidator(ArchiveCodec::fromId), Importance.LOW,
                        "Compression of archive files: " + ArchiveCodec.ids() + ".", GROUP_FORMAT, 3, Width.SHORT, "Archive codec")
                .define(PARQUET_CODEC, Type.STRING, ParquetCodec.SNAPPY.id(), enumValidator(ParquetCodec::fromId), Importance.MEDIUM,
                        "Parquet compression codec: " + ParquetCodec.ids() + ".", GROUP_FORMAT, 4, Width.SHORT, "Codec")
                .define(PARQUET_ROW_GROUP_SIZE, Type.LONG, 16L * MIB, ConfigDef.Range.between(64 * 1024, 1024L * MIB), Importance.LOW,
                        "Target row-group size in bytes. Files are written one at a time, so a task holds at most one row group.",
                        GROUP_FORMAT, 5, Width.SHORT, "Row group size")
                .define(PARQUET_PAGE_SIZE, Type.INT, MIB, ConfigDef.Range.between(8 * 1024, 64 * MIB), Importance.LOW,
                        "Target Parquet page size in bytes.", GROUP_FORMAT, 6, Width.SHORT, "Page size")
                .define(PARQUET_KAFKA_COLUMNS, Type.LIST, "", SinkConfigDef::validateKafkaColumns, Importance.MEDIUM,
                        "Kafka coordinates to keep as extra columns at the end of each row: any of " + KafkaColumns.Column.ids()
                                + " (columns kafka_topic, kafka_partition, kafka_offset, kafka_timestamp). Empty for none.",
                        GROUP_FORMAT, 7, Width.MEDIUM, "Kafka columns");
    }

    private static void definePartitioning(ConfigDef def) {
        def.define(PARTITIONER, Type.STRING, PARTITIONER_TIME, ConfigDef.ValidString.in(PARTITIONER_TIME, PARTITIONER_FIELD),
                        Importance.HIGH, "time: folders dt=YYYY-MM-DD (or dt=YYYY-MM-DD/hr=HH) of each record's event time. field:"
                                + " folders <field>=<value> of " + PARTITION_VALUE_FIELDS + ".",
                        GROUP_PARTITIONING, 1, Width.SHORT, "Partitioner")
                .define(PARTITION_FIELD, Type.STRING, "", SinkConfigDef::validateOptionalField, Importance.MEDIUM,
                        "Top-level field of the value holding the event time (a timestamp-millis/micros long, a date int, a plain long"
                                + " of epoch milliseconds or an ISO-8601 string), usually the zone descriptor's eventTimeField. Empty to"
                                + " use the Kafka record timestamp; a record whose field is null falls back to it as well.",
                        GROUP_PARTITIONING, 2, Width.MEDIUM, "Event-time field")
                .define(PARTITION_GRANULARITY, Type.STRING, Granularity.DAILY.id(), enumValidator(Granularity::fromId), Importance.MEDIUM,
                        "Time folders per day (dt=YYYY-MM-DD) or per hour (dt=YYYY-MM-DD/hr=HH): " + Granularity.ids() + ".",
                        GROUP_PARTITIONING, 3, Width.SHORT, "Granularity")
                .define(PARTITION_VALUE_FIELDS, Type.LIST, "", SinkConfigDef::validateFieldList, Importance.MEDIUM,
                        "For partitioner=field: top-level fields whose values name the folders, outermost first, e.g. region,country"
                                + " gives region=eu/country=fr. A null value goes to __HIVE_DEFAULT_PARTITION__.",
                        GROUP_PARTITIONING, 4, Width.MEDIUM, "Partition value fields")
                .define(TIMEZONE, Type.STRING, "UTC", SinkConfigDef::validateZone, Importance.MEDIUM,
                        "Time zone in which event times are cut into days and hours, e.g. UTC or Europe/Paris.",
                        GROUP_PARTITIONING, 5, Width.SHORT, "Time zone");
    }

    private static void defineRotation(ConfigDef def) {
        def.define(FLUSH_SIZE, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "Records per file: a file is complete when it holds this many records. Each folder's file rotates on its own.",
                        GROUP_ROTATION, 1, Width.SHORT, "Flush size")
                .define(ROTATE_SIZE_BYTES, Type.LONG, 256L * MIB, SinkConfigDef::validateInterval, Importance.MEDIUM,
                        "A file is complete when its records add up to this many bytes (Avro binary, before Parquet encodes and"
                                + " compresses them); -1 for no limit.",
                        GROUP_ROTATION, 2, Width.SHORT, "Rotate size")
                .define(ROTATE_INTERVAL_MS, Type.LONG, -1L, SinkConfigDef::validateInterval, Importance.MEDIUM,
                        "Largest span of event time one file may cover, in ms; -1 for no limit. Depends on the data only.",
                        GROUP_ROTATION, 3, Width.SHORT, "Rotate interval")
                .define(ROTATE_SCHEDULE_INTERVAL_MS, Type.LONG, 3_600_000L, SinkConfigDef::validateInterval, Importance.MEDIUM,
                        "Longest time a file stays open by the wall clock, in ms, so that quiet folders still land and the committed"
                                + " Kafka offset keeps moving (records of open files must stay in Kafka until they land); -1 for no limit.",
                        GROUP_ROTATION, 4, Width.SHORT, "Rotate schedule interval");
    }

    private static void defineMemory(ConfigDef def) {
        def.define(MEMORY_BUDGET, Type.LONG, 256L * MIB, ConfigDef.Range.atLeast(8 * MIB), Importance.MEDIUM,
                        "Heap one task may use for data: record buffers of all open files, plus one row group (" + PARQUET_ROW_GROUP_SIZE
                                + ") for the file being encoded and two upload parts (" + S3_PART_SIZE + "): the file's own and those"
                                + " still in flight. Over budget, the largest"
                                + " buffers are spilled to " + SPOOL_DIR + " (or committed early, see " + MEMORY_OVERFLOW + ").",
                        GROUP_MEMORY, 1, Width.SHORT, "Memory budget")
                .define(MEMORY_OVERFLOW, Type.STRING, MemoryOverflow.SPILL.id(), enumValidator(MemoryOverflow::fromId), Importance.LOW,
                        "spill: move the largest buffers to local disk; files keep their normal size. commit: commit the files with the"
                                + " largest buffers early (smaller files, no local disk needed).",
                        GROUP_MEMORY, 2, Width.SHORT, "Memory overflow")
                .define(SPOOL_DIR, Type.STRING, "", SinkConfigDef::validateSpoolDir, Importance.LOW,
                        "Local folder for spilled buffers; each task uses <spool.dir>/<connector>-<task>. Empty for"
                                + " <java.io.tmpdir>/tributary-sink. Holds nothing durable: it is emptied when the task starts.",
                        GROUP_MEMORY, 3, Width.LONG, "Spool folder");
    }

    static ConfigDef.Validator enumValidator(java.util.function.Function<String, ?> parse) {
        return (name, value) -> {
            if (value == null) {
                return; // not parsable: ConfigDef has reported it already
            }
            try {
                parse.apply(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        };
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
        String text = value == null ? "" : value.toString().trim();
        if (!text.isEmpty()) {
            requireHttpUrl(name, text);
        }
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

    private static void validatePrefix(String name, Object value) {
        String text = value == null ? "" : value.toString();
        if (!PREFIX.matcher(text).matches()) {
            throw new ConfigException(name, value, "a key prefix of letters, digits, '_', '.', '-' separated by single slashes, without"
                    + " a slash at either end");
        }
    }

    private static void validateZone(String name, Object value) {
        try {
            ZoneId.of(String.valueOf(value));
        } catch (DateTimeException e) {
            throw new ConfigException(name, value, "not a time zone id such as UTC or Europe/Paris");
        }
    }

    private static void validateUserInfo(String name, Object value) {
        String text = value == null ? "" : ((Password) value).value();
        if (!text.isEmpty() && text.indexOf(':') < 1) {
            // The value is a secret: ConfigException shows a Password as [hidden].
            throw new ConfigException(name, value, "must be user:password (a user name, a colon, then the password), or empty for"
                    + " no authentication");
        }
    }

    /** The folder is created when the task starts: it must exist and be writable, or be creatable under a writable parent. */
    private static void validateSpoolDir(String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            return;
        }
        Path dir;
        try {
            dir = Path.of(text).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ConfigException(name, value, "is not a path on this worker: " + e.getMessage());
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new ConfigException(name, value, (existing == null ? dir : existing) + " is not a folder on this worker,"
                    + " so spilled buffers could not be written under it");
        }
        if (!Files.isWritable(existing)) {
            throw new ConfigException(name, value, "folder " + existing + " is not writable by this worker, so spilled buffers"
                    + (existing.equals(dir) ? "" : " (and the missing folders below it)") + " could not be written");
        }
    }

    private static void validateInterval(String name, Object value) {
        if (value == null) {
            return; // not a number: ConfigDef has reported it already
        }
        long n = (Long) value;
        if (n != -1 && n < 1) {
            throw new ConfigException(name, value, "must be -1 (off) or a positive number");
        }
    }

    private static void validateOptionalField(String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (!text.isEmpty() && !FIELD.matcher(text).matches()) {
            throw new ConfigException(name, value, "not an Avro field name (letters, digits, underscores, not starting with a digit)");
        }
    }

    private static void validateFieldList(String name, Object value) {
        if (value == null) {
            return;
        }
        for (Object field : (List<?>) value) {
            if (!FIELD.matcher(field.toString().trim()).matches()) {
                throw new ConfigException(name, value, "'" + field + "' is not an Avro field name");
            }
        }
    }

    private static void validateKafkaColumns(String name, Object value) {
        if (value == null) {
            return;
        }
        for (Object column : (List<?>) value) {
            try {
                KafkaColumns.Column.fromId(column.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }
    }

    private static void validateCatalogClass(String name, Object value) {
        String className = value == null ? "" : value.toString().trim();
        try {
            Class<?> type = Class.forName(className, false, SinkConfigDef.class.getClassLoader());
            if (!Catalog.class.isAssignableFrom(type)) {
                throw new ConfigException(name, value, "does not implement " + Catalog.class.getName());
            }
            type.getConstructor();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(name, value, "class not found in the plugin's class path");
        } catch (NoSuchMethodException e) {
            throw new ConfigException(name, value, "has no public no-argument constructor");
        }
    }
}
