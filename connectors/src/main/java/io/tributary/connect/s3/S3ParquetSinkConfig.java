package io.tributary.connect.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.tributary.connect.s3.archive.ArchiveCodec;
import io.tributary.connect.s3.archive.ArchiveFormat;
import io.tributary.connect.s3.catalog.Catalog;
import io.tributary.connect.s3.commit.UploadPipeline;
import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.parquet.KafkaColumns;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetFormat;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.partition.EventTimeExtractor;
import io.tributary.connect.s3.partition.FieldEventTimeExtractor;
import io.tributary.connect.s3.partition.FieldValuePartitioner;
import io.tributary.connect.s3.partition.Granularity;
import io.tributary.connect.s3.partition.Partitioner;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;
import io.tributary.connect.s3.partition.TimePartitioner;
import io.tributary.connect.s3.rotation.CompositeRotation;
import io.tributary.connect.s3.rotation.EventTimeSpanRotation;
import io.tributary.connect.s3.rotation.RecordBytesRotation;
import io.tributary.connect.s3.rotation.RecordCountRotation;
import io.tributary.connect.s3.rotation.RotationPolicy;
import io.tributary.connect.s3.rotation.WallClockRotation;
import io.tributary.connect.s3.schema.CompatibilityMode;
import io.tributary.connect.s3.schema.SchemaEvolution;
import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.connect.s3.writer.MemoryOverflow;
import io.tributary.connect.s3.writer.WriterSettings;

/** The sink's configuration: the keys, checks that involve several of them, and typed access. */
public final class S3ParquetSinkConfig extends AbstractConfig {
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String S3_UPLOAD_CONCURRENCY = "s3.upload.concurrency";
    public static final String S3_RETRY_MAX_ATTEMPTS = "s3.retry.max.attempts";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String S3_RETRY_BACKOFF_MAX_MS = "s3.retry.backoff.max.ms";
    public static final String S3_CONDITIONAL_WRITES = "s3.conditional.writes";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String FORMAT = "format";
    public static final String FORMAT_PARQUET = "parquet";
    public static final String FORMAT_ARCHIVE = "archive";
    public static final String FORMAT_REJECTED = "rejected";
    public static final String ARCHIVE_PREFIX = "archive.prefix";
    public static final String ARCHIVE_CODEC = "archive.codec";
    public static final String PARQUET_CODEC = "parquet.codec";
    public static final String PARQUET_ROW_GROUP_SIZE = "parquet.row.group.size";
    public static final String PARQUET_PAGE_SIZE = "parquet.page.size";
    public static final String PARQUET_KAFKA_COLUMNS = "parquet.kafka.columns";
    public static final String PARTITIONER = "partitioner";
    public static final String PARTITIONER_TIME = "time";
    public static final String PARTITIONER_FIELD = "field";
    public static final String PARTITION_FIELD = "partition.field";
    public static final String PARTITION_GRANULARITY = "partition.granularity";
    public static final String PARTITION_VALUE_FIELDS = "partition.value.fields";
    public static final String TIMEZONE = "timezone";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_SIZE_BYTES = "rotate.size.bytes";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String SCHEMA_COMPATIBILITY = "schema.compatibility";
    public static final String MEMORY_BUDGET = "memory.budget.bytes";
    public static final String MEMORY_OVERFLOW = "memory.overflow";
    public static final String SPOOL_DIR = "spool.dir";
    public static final String CATALOG_CLASS = "catalog.class";
    public static final String CATALOG_PREFIX = "catalog.";

    /** Connect's own keys the sink reads. */
    static final String ERRORS_TOLERANCE = "errors.tolerance";
    static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";
    static final String KEY_CONVERTER = "key.converter";
    static final String VALUE_CONVERTER = "value.converter";
    static final String HEADER_CONVERTER = "header.converter";
    static final String BYTES_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    /** Added by the connector to each task's configuration. */
    static final String TASK_ID = "task.id";

    private static final long MIB = 1024 * 1024;

    public static final ConfigDef CONFIG_DEF = SinkConfigDef.build();

    public S3ParquetSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        List<Problem> problems = crossFieldProblems(props);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ConfigException(first.property(), props.get(first.property()), first.message());
        }
    }

    /** A problem that involves several properties, reported against {@code property}. */
    record Problem(String property, String message) {
    }

    /** Checks that involve more than one property; each message names the properties. */
    static List<Problem> crossFieldProblems(Map<String, String> props) {
        List<Problem> problems = new ArrayList<>();
        boolean key = !props.getOrDefault(AWS_ACCESS_KEY_ID, "").isBlank();
        boolean secret = !props.getOrDefault(AWS_SECRET_ACCESS_KEY, "").isBlank();
        if (key != secret) {
            problems.add(new Problem(key ? AWS_SECRET_ACCESS_KEY : AWS_ACCESS_KEY_ID, AWS_ACCESS_KEY_ID + " and "
                    + AWS_SECRET_ACCESS_KEY + " must be set together, or both left empty for the default AWS credential chain"));
        }
        String format = props.getOrDefault(FORMAT, FORMAT_PARQUET).trim();
        boolean field = PARTITIONER_FIELD.equals(props.getOrDefault(PARTITIONER, PARTITIONER_TIME).trim());
        boolean valueFields = !props.getOrDefault(PARTITION_VALUE_FIELDS, "").isBlank();
        if (field && !valueFields) {
            problems.add(new Problem(PARTITION_VALUE_FIELDS, "partitioner=field needs the fields whose values name the folders"));
        }
        if (!field && valueFields) {
            problems.add(new Problem(PARTITION_VALUE_FIELDS, "is used only with partitioner=field (partitioner is time)"));
        }
        if (FORMAT_ARCHIVE.equals(format) || FORMAT_REJECTED.equals(format)) {
            rawBytesProblems(props, format, field, problems);
        } else if (props.getOrDefault(SCHEMA_REGISTRY_URL, "").isBlank() && valuesAreBytes(props)) {
            problems.add(new Problem(SCHEMA_REGISTRY_URL, "format=parquet with values as bytes (value.converter "
                    + props.getOrDefault(VALUE_CONVERTER, "of the worker") + ") reads the Confluent wire format and needs the"
                    + " schema registry's URL"));
        }
        long budget = number(props, MEMORY_BUDGET, 256 * MIB);
        long rowGroup = number(props, PARQUET_ROW_GROUP_SIZE, 16 * MIB);
        long part = number(props, S3_PART_SIZE, 8 * MIB);
        if (budget < rowGroup + 2 * part + MIB) {
            problems.add(new Problem(MEMORY_BUDGET, "must be at least " + PARQUET_ROW_GROUP_SIZE + " + 2 x " + S3_PART_SIZE + " + 1 MiB ("
                    + (rowGroup + 2 * part + MIB) + " bytes): files being written hold one row group and up to two parts"));
        }
        return problems;
    }

    /** format=archive and format=rejected keep the original bytes and partition by the Kafka timestamp. */
    private static void rawBytesProblems(Map<String, String> props, String format, boolean field, List<Problem> problems) {
        String what = "format=" + format;
        if (field) {
            problems.add(new Problem(PARTITIONER, what + " keeps values undecoded, so it partitions by time only"));
        }
        if (!props.getOrDefault(PARTITION_FIELD, "").isBlank()) {
            problems.add(new Problem(PARTITION_FIELD, what + " keeps values undecoded and partitions by the Kafka timestamp;"
                    + " leave it empty"));
        }
        for (String converter : List.of(KEY_CONVERTER, VALUE_CONVERTER)) {
            String value = props.getOrDefault(converter, "").trim();
            if (!value.isEmpty() && !BYTES_CONVERTER.equals(value)) {
                problems.add(new Problem(converter, what + " keeps the bytes as consumed: set " + converter + "=" + BYTES_CONVERTER));
            }
        }
        if (!BYTES_CONVERTER.equals(props.getOrDefault(HEADER_CONVERTER, "").trim())) {
            problems.add(new Problem(HEADER_CONVERTER, what + " keeps header bytes as consumed: set " + HEADER_CONVERTER + "="
                    + BYTES_CONVERTER + " on the connector (the worker's default parses header values)"));
        }
    }

    private static boolean valuesAreBytes(Map<String, String> props) {
        String converter = props.getOrDefault(VALUE_CONVERTER, "").trim();
        return converter.isEmpty() || BYTES_CONVERTER.equals(converter);
    }

    private static long number(Map<String, String> props, String key, long fallback) {
        try {
            return Long.parseLong(props.getOrDefault(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback; // the key's own validator reports it
        }
    }

    public S3Settings s3Settings() {
        String endpoint = getString(S3_ENDPOINT).trim();
        String accessKey = getString(AWS_ACCESS_KEY_ID).trim();
        return new S3Settings(getString(S3_BUCKET), endpoint.isEmpty() ? Optional.empty() : Optional.of(endpoint),
                getString(S3_REGION), accessKey.isEmpty() ? Optional.empty() : Optional.of(accessKey),
                accessKey.isEmpty() ? Optional.empty() : Optional.of(getPassword(AWS_SECRET_ACCESS_KEY).value()),
                getInt(S3_PART_SIZE), getInt(S3_RETRY_MAX_ATTEMPTS), Duration.ofMillis(getLong(S3_RETRY_BACKOFF_MS)),
                Duration.ofMillis(getLong(S3_RETRY_BACKOFF_MAX_MS)), getBoolean(S3_CONDITIONAL_WRITES));
    }

    public String bucket() {
        return getString(S3_BUCKET);
    }

    public boolean archive() {
        return FORMAT_ARCHIVE.equals(getString(FORMAT));
    }

    /** Rejected topics as rows of the rejected tables' shape (reason headers and original bytes), in Parquet. */
    public boolean rejected() {
        return FORMAT_REJECTED.equals(getString(FORMAT));
    }

    /** The registry URL, or empty when none is configured. */
    public Optional<String> schemaRegistryUrl() {
        String url = getString(SCHEMA_REGISTRY_URL).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
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

    public Partitioner partitioner() {
        if (PARTITIONER_FIELD.equals(getString(PARTITIONER))) {
            return new FieldValuePartitioner(getList(PARTITION_VALUE_FIELDS).stream().map(String::trim).toList());
        }
        return new TimePartitioner(Granularity.fromId(getString(PARTITION_GRANULARITY)), timezone());
    }

    /** The value fields routing reads: the event-time field and the partition value fields. */
    public List<String> routingFields() {
        Set<String> fields = new LinkedHashSet<>(eventTimeExtractor().fields());
        fields.addAll(partitioner().fields());
        return List.copyOf(fields);
    }

    public RotationPolicy rotationPolicy() {
        List<RotationPolicy> policies = new ArrayList<>();
        policies.add(new RecordCountRotation(getLong(FLUSH_SIZE)));
        if (getLong(ROTATE_SIZE_BYTES) > 0) {
            policies.add(new RecordBytesRotation(getLong(ROTATE_SIZE_BYTES)));
        }
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

    public KafkaColumns kafkaColumns() {
        Set<KafkaColumns.Column> columns = EnumSet.noneOf(KafkaColumns.Column.class);
        getList(PARQUET_KAFKA_COLUMNS).forEach(c -> columns.add(KafkaColumns.Column.fromId(c)));
        return new KafkaColumns(columns);
    }

    public FileFormat fileFormat() {
        return archive() ? new ArchiveFormat(ArchiveCodec.fromId(getString(ARCHIVE_CODEC)))
                : new ParquetFormat(parquetSettings(), kafkaColumns());
    }

    public ObjectKeys objectKeys() {
        return archive() ? new ObjectKeys(getString(ARCHIVE_PREFIX), "avro") : new ObjectKeys("", "parquet");
    }

    /** Memory left for record buffers once files being written have their row group and two parts. */
    public long bufferBudgetBytes() {
        return getLong(MEMORY_BUDGET) - getLong(PARQUET_ROW_GROUP_SIZE) - 2L * getInt(S3_PART_SIZE);
    }

    /** Background completion of uploads, within one part of buffers in flight. */
    public UploadPipeline uploadPipeline() {
        return new UploadPipeline(getInt(S3_UPLOAD_CONCURRENCY), getInt(S3_PART_SIZE));
    }

    public WriterSettings writerSettings(String writer) {
        return new WriterSettings(partitioner(), eventTimeExtractor(), rotationPolicy(),
                new SchemaEvolution(CompatibilityMode.fromId(getString(SCHEMA_COMPATIBILITY))), bufferBudgetBytes(),
                MemoryOverflow.fromId(getString(MEMORY_OVERFLOW)), writer);
    }

    /** The task's own spool folder. */
    public Path spoolDirectory(String connector, String task) {
        String base = getString(SPOOL_DIR).trim();
        Path root = base.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "tributary-sink") : Path.of(base);
        return root.resolve((connector + "-" + task).replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** The configured catalog, configured with the {@code catalog.*} properties. */
    public Catalog catalog(Map<String, String> props) {
        String className = getString(CATALOG_CLASS).trim();
        Catalog catalog;
        try {
            Class<?> type = Class.forName(className, true, S3ParquetSinkConfig.class.getClassLoader());
            catalog = (Catalog) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ConfigException(CATALOG_CLASS, className, "cannot be instantiated: " + e);
        }
        Map<String, String> catalogProps = new java.util.HashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(CATALOG_PREFIX) && !k.equals(CATALOG_CLASS)) {
                catalogProps.put(k.substring(CATALOG_PREFIX.length()), v);
            }
        });
        try {
            catalog.configure(catalogProps);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The catalog.* properties of " + className + " are invalid (names without the catalog. prefix): "
                    + e.getMessage());
        }
        return catalog;
    }

    /** Bad records go to Connect's dead-letter queue only when one is configured and errors are tolerated. */
    public static boolean deadLetterQueueEnabled(Map<String, String> props) {
        return "all".equals(props.getOrDefault(ERRORS_TOLERANCE, "none").trim().toLowerCase(Locale.ROOT))
                && !props.getOrDefault(DLQ_TOPIC, "").isBlank();
    }
}
