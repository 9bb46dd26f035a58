package io.tributary.connect.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.connect.source.format.ReaderSettings;
import io.tributary.model.Names;
import io.tributary.model.PlatformTopics;

/** The ingress file source's configuration: every property, its default, and what a bad value is told. */
public final class IngressSourceConfig extends AbstractConfig {
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String S3_RETRY_MAX_ATTEMPTS = "s3.retry.max.attempts";
    public static final String ZONES = "zones";
    public static final String NOTIFICATION_TOPIC = "notification.topic";
    public static final String NOTIFICATION_BOOTSTRAP = "notification.bootstrap.servers";
    public static final String NOTIFICATION_CONSUMER_PREFIX = "notification.consumer.";
    public static final String LISTING_INTERVAL_MS = "listing.interval.ms";
    public static final String LANDING_BOOTSTRAP = "landing.bootstrap.servers";
    public static final String LANDING_ADMIN_PREFIX = "landing.admin.";
    /** Gone: arrivals and reports go to each file's zone's _tributary.<zone>.batches. Refused, so that it is not silently ignored. */
    public static final String REMOVED_BATCHES_TOPIC = "batches.topic";
    public static final String CSV_RECORDS = "csv.records";
    public static final String CSV_DELIMITER = "csv.delimiter";
    public static final String XLSX_SHEET = "xlsx.sheet";
    public static final String XLSX_TIME_ZONE = "xlsx.time.zone";
    public static final String PROCESSED_ACTION = "processed.action";
    public static final String PROCESSED_PREFIX = "processed.prefix";
    public static final String REJECTED_PREFIX = "rejected.prefix";
    public static final String ROWS_PER_POLL = "rows.per.poll";
    public static final String SPOOL_DIR = "spool.dir";
    /** Set by the connector for each task: the zones it watches. */
    public static final String TASK_ZONES = "task.zones";

    /** What happens to a file once its batch is on Kafka (or rejected). */
    public enum ProcessedAction { MOVE, TAG, NONE }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(S3_BUCKET, Type.STRING, "ingress", nonBlank(), Importance.HIGH, "The ingress bucket files are dropped in, under <zone>/<dataset>/.")
            .define(S3_ENDPOINT, Type.STRING, "", endpoint(), Importance.MEDIUM,
                    "An S3-compatible endpoint (http(s)://host[:port], path-style access); empty for AWS S3.")
            .define(S3_REGION, Type.STRING, "us-east-1", nonBlank(), Importance.MEDIUM, "The bucket's region.")
            .define(AWS_ACCESS_KEY_ID, Type.STRING, "", Importance.MEDIUM,
                    "Static access key; empty to use the default AWS credential chain (instance role, IRSA, environment).")
            .define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM, "Secret of the static access key.")
            .define(S3_RETRY_MAX_ATTEMPTS, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Attempts per S3 request (exponential back-off with jitter) before the task fails.")
            .define(ZONES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, zoneList(), Importance.HIGH,
                    "Zones whose prefixes (<zone>/) are watched; tasks share them out.")
            .define(NOTIFICATION_TOPIC, Type.STRING, "", Importance.HIGH,
                    "Kafka topic of S3 event notifications (ObjectCreated:*) for the bucket; empty to rely on listing alone.")
            .define(NOTIFICATION_BOOTSTRAP, Type.STRING, "", Importance.MEDIUM,
                    "Bootstrap servers of the cluster holding the notification topic; notification.consumer.* adds client settings (security).")
            .define(LISTING_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How often the watched prefixes are listed to find files no notification announced; 0: only when a task starts.")
            .define(LANDING_BOOTSTRAP, Type.STRING, "", Importance.MEDIUM,
                    "Bootstrap servers of the cluster the worker writes to; when given, a file for a dataset whose landing topic does"
                            + " not exist is rejected (UNKNOWN_DATASET) instead of stalling the task. landing.admin.* adds client settings.")
            .define(CSV_RECORDS, Type.STRING, "json", oneOf("json", "raw"), Importance.MEDIUM,
                    "json: a CSV row becomes a JSON object of column name to text (empty cells null);"
                            + " raw: the row as CSV text with the header line in the tributary.csv.header header.")
            .define(CSV_DELIMITER, Type.STRING, ",", singleCharacter(), Importance.LOW, "The CSV delimiter, one character.")
            .define(XLSX_SHEET, Type.STRING, "", Importance.MEDIUM, "The sheet of .xlsx workbooks to read; empty for the first.")
            .define(XLSX_TIME_ZONE, Type.STRING, "", timeZone(), Importance.MEDIUM,
                    "Time zone workbook date-times were entered in (e.g. UTC, Europe/Brussels): they are then written with their"
                            + " offset; empty: as local date-times without offset.")
            .define(PROCESSED_ACTION, Type.STRING, "move", oneOf("move", "tag", "none"), Importance.MEDIUM,
                    "What happens to a file once its batch is on Kafka: move (to processed.prefix, or rejected.prefix),"
                            + " tag (tributary-status, tributary-batch-id), none.")
            .define(PROCESSED_PREFIX, Type.STRING, "_processed/", prefix(), Importance.LOW, "Where ingested files are moved to.")
            .define(REJECTED_PREFIX, Type.STRING, "_rejected/", prefix(), Importance.LOW, "Where rejected files are moved to.")
            .define(ROWS_PER_POLL, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                    "Rows handed to Connect per poll.")
            .define(SPOOL_DIR, Type.STRING, System.getProperty("java.io.tmpdir"), nonBlank(), Importance.LOW,
                    "Local folder a file is copied to while it is read (one file per task at a time).")
            .define(TASK_ZONES, Type.LIST, "", Importance.LOW, "Internal: the zones of one task.");

    public IngressSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        if (props.containsKey(REMOVED_BATCHES_TOPIC)) {
            throw new ConfigException(REMOVED_BATCHES_TOPIC, props.get(REMOVED_BATCHES_TOPIC), "is no longer a setting: arrival records"
                    + " and reports of rejected files go to the batches topic of each file's zone, " + PlatformTopics.PREFIX
                    + "<zone>.batches; remove it");
        }
        if (getLong(LISTING_INTERVAL_MS) == 0 && notificationTopic().isEmpty()) {
            // Harmless (each task lists once when it starts), but then new files wait for a restart: say so.
            throw new ConfigException(LISTING_INTERVAL_MS, 0L, "with no " + NOTIFICATION_TOPIC
                    + " the bucket must be listed periodically to find new files: give a positive interval or a notification topic");
        }
        if (notificationTopic().isPresent() && getString(NOTIFICATION_BOOTSTRAP).isBlank()) {
            throw new ConfigException(NOTIFICATION_BOOTSTRAP, "", "required with " + NOTIFICATION_TOPIC + " "
                    + notificationTopic().get() + ": the cluster to read notifications from");
        }
        if (getString(PROCESSED_PREFIX).equals(getString(REJECTED_PREFIX))) {
            throw new ConfigException(REJECTED_PREFIX, getString(REJECTED_PREFIX), "must differ from " + PROCESSED_PREFIX);
        }
        for (String prefix : List.of(getString(PROCESSED_PREFIX), getString(REJECTED_PREFIX))) {
            String first = prefix.split("/", 2)[0];
            if (zones().contains(first)) {
                throw new ConfigException(prefix.equals(getString(PROCESSED_PREFIX)) ? PROCESSED_PREFIX : REJECTED_PREFIX, prefix,
                        "lies inside the watched prefix of zone " + first + ": moved files would be found again");
            }
        }
    }

    public List<String> zones() {
        return getList(ZONES);
    }

    /** The zones this task watches: its share, or all of them outside a task. */
    public List<String> taskZones() {
        List<String> mine = getList(TASK_ZONES);
        return mine.isEmpty() ? zones() : mine;
    }

    public S3Settings s3() {
        String access = getString(AWS_ACCESS_KEY_ID);
        String secret = getPassword(AWS_SECRET_ACCESS_KEY).value();
        String endpoint = getString(S3_ENDPOINT);
        return new S3Settings(getString(S3_BUCKET), endpoint.isBlank() ? Optional.empty() : Optional.of(endpoint), getString(S3_REGION),
                access.isBlank() ? Optional.empty() : Optional.of(access), secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                S3Settings.MIN_PART_SIZE, getInt(S3_RETRY_MAX_ATTEMPTS), Duration.ofMillis(200), Duration.ofSeconds(5), true);
    }

    public String bucket() {
        return getString(S3_BUCKET);
    }

    public Optional<String> notificationTopic() {
        String topic = getString(NOTIFICATION_TOPIC);
        return topic == null || topic.isBlank() ? Optional.empty() : Optional.of(topic.trim());
    }

    /** The notification consumer's client settings: the bootstrap servers and every notification.consumer.* setting. */
    public Map<String, Object> notificationConsumer() {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(NOTIFICATION_CONSUMER_PREFIX));
        settings.put("bootstrap.servers", getString(NOTIFICATION_BOOTSTRAP));
        return settings;
    }

    /** The admin client settings to check landing topics with, if a landing cluster is configured. */
    public Optional<Map<String, Object>> landingAdmin() {
        String bootstrap = getString(LANDING_BOOTSTRAP);
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(LANDING_ADMIN_PREFIX));
        settings.put("bootstrap.servers", bootstrap);
        return Optional.of(settings);
    }

    public Duration listingInterval() {
        return Duration.ofMillis(getLong(LISTING_INTERVAL_MS));
    }

    public ReaderSettings readerSettings() {
        String zone = getString(XLSX_TIME_ZONE).trim();
        return new ReaderSettings("raw".equals(getString(CSV_RECORDS)), getString(CSV_DELIMITER).charAt(0), getString(XLSX_SHEET).trim(),
                zone.isEmpty() ? Optional.empty() : Optional.of(java.time.ZoneId.of(zone)));
    }

    public ProcessedAction processedAction() {
        return ProcessedAction.valueOf(getString(PROCESSED_ACTION).toUpperCase(Locale.ROOT));
    }

    public String processedPrefix() {
        return getString(PROCESSED_PREFIX);
    }

    public String rejectedPrefix() {
        return getString(REJECTED_PREFIX);
    }

    public int rowsPerPoll() {
        return getInt(ROWS_PER_POLL);
    }

    public Path spoolDir() {
        return Path.of(getString(SPOOL_DIR));
    }

    private static ConfigDef.Validator nonBlank() {
        return (name, value) -> {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "must not be empty");
            }
        };
    }

    private static ConfigDef.Validator oneOf(String... choices) {
        return (name, value) -> {
            if (value == null || !List.of(choices).contains(value.toString().toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, value, "must be one of " + String.join(", ", choices));
            }
        };
    }

    private static ConfigDef.Validator singleCharacter() {
        return (name, value) -> {
            if (value == null || value.toString().length() != 1 || value.toString().charAt(0) == '"' || value.toString().charAt(0) == '\n'
                    || value.toString().charAt(0) == '\r') {
                throw new ConfigException(name, value, "must be exactly one character other than a quote or a line break");
            }
        };
    }

    private static ConfigDef.Validator timeZone() {
        return (name, value) -> {
            String text = value == null ? "" : value.toString().trim();
            try {
                if (!text.isEmpty()) {
                    java.time.ZoneId.of(text);
                }
            } catch (java.time.DateTimeException e) {
                throw new ConfigException(name, value, "is not a time zone (e.g. UTC, Europe/Brussels): " + e.getMessage());
            }
        };
    }

    private static ConfigDef.Validator endpoint() {
        return (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!text.isBlank() && !text.matches("https?://[^/\\s]+/?")) {
                throw new ConfigException(name, value, "must be http(s)://host[:port]");
            }
        };
    }

    private static ConfigDef.Validator prefix() {
        return (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!text.endsWith("/") || text.startsWith("/") || text.length() < 2) {
                throw new ConfigException(name, value, "must be a folder such as _processed/ (ending in /, not starting with one)");
            }
        };
    }

    private static ConfigDef.Validator zoneList() {
        return (name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> zones = (List<String>) value;
            if (zones == null || zones.isEmpty()) {
                throw new ConfigException(name, value, "must name at least one zone");
            }
            for (String zone : zones) {
                if (!Names.isValid(zone)) {
                    throw new ConfigException(name, value, "'" + zone + "' is not a zone name (" + Names.RULE + ")");
                }
            }
        };
    }
}
