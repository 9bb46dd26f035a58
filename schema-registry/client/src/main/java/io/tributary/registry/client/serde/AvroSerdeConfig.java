package io.tributary.registry.client.serde;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigException;

/**
 * The serdes' settings, under Confluent's names so that existing client configurations work
 * unchanged. Unknown keys are ignored (Kafka hands serialisers the whole client configuration).
 */
public final class AvroSerdeConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String USE_SCHEMA_ID = "use.schema.id";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    private static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

    private static final Pattern JAAS_OPTION = Pattern.compile("(username|password)\\s*=\\s*\"([^\"]*)\"");

    private final List<String> urls;
    private final Optional<String> userInfo;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final Duration latestCacheTtl;
    private final int useSchemaId;
    private final boolean normalize;
    private final SubjectNameStrategy subjectNameStrategy;
    private final boolean specificReader;
    private final boolean logicalTypeConverters;
    private final Duration requestTimeout;

    /**
     * @throws ConfigException naming the setting that is missing or wrong
     */
    public AvroSerdeConfig(Map<String, ?> configs, boolean isKey) {
        List<String> rawUrls = splitUrls(string(configs, SCHEMA_REGISTRY_URL, null));
        if (rawUrls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, null, "Missing " + SCHEMA_REGISTRY_URL
                    + ": the schema registry's URL, e.g. http://localhost:8081 (several may be given, comma-separated)");
        }
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL").trim().toUpperCase(Locale.ROOT);
        List<String> cleanUrls = new ArrayList<>();
        Optional<String> fromUrl = Optional.empty();
        for (String url : rawUrls) {
            URI uri = parseUrl(url);
            if (uri.getUserInfo() != null) {
                fromUrl = Optional.of(uri.getUserInfo());
                url = url.replace(uri.getRawUserInfo() + "@", "");
            }
            cleanUrls.add(url);
        }
        this.urls = List.copyOf(cleanUrls);
        switch (source) {
            case "USER_INFO":
                String info = string(configs, BASIC_AUTH_USER_INFO, "");
                if (!info.isEmpty() && !info.contains(":")) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)", "expected user:password");
                }
                this.userInfo = info.isEmpty() ? Optional.empty() : Optional.of(info);
                break;
            case "URL":
                this.userInfo = fromUrl;
                break;
            case "SASL_INHERIT":
                this.userInfo = fromJaas(string(configs, SASL_JAAS_CONFIG, ""));
                break;
            default:
                throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "expected USER_INFO, URL or SASL_INHERIT");
        }
        this.autoRegister = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        long ttl = number(configs, LATEST_CACHE_TTL_SEC, -1);
        this.latestCacheTtl = ttl < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(ttl);
        this.useSchemaId = (int) number(configs, USE_SCHEMA_ID, -1);
        this.normalize = bool(configs, NORMALIZE_SCHEMAS, false);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        this.subjectNameStrategy = SubjectNameStrategies.of(strategyKey, configs.get(strategyKey));
        this.specificReader = bool(configs, SPECIFIC_AVRO_READER, false);
        this.logicalTypeConverters = bool(configs, AVRO_USE_LOGICAL_TYPE_CONVERTERS, false);
        this.requestTimeout = Duration.ofMillis(number(configs, REQUEST_TIMEOUT_MS, 30_000));
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL such as http://localhost:8081 (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> fromJaas(String jaas) {
        String user = null;
        String password = null;
        Matcher m = JAAS_OPTION.matcher(jaas);
        while (m.find()) {
            if (m.group(1).equals("username")) {
                user = m.group(2);
            } else {
                password = m.group(2);
            }
        }
        if (user == null || password == null) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT",
                    "sasl.jaas.config has no username=\"...\" and password=\"...\" to inherit");
        }
        return Optional.of(user + ":" + password);
    }

    private static List<String> splitUrls(String value) {
        List<String> urls = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    urls.add(part.trim());
                }
            }
        }
        return urls;
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? fallback : String.valueOf(value);
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    private static long number(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
    }

    public List<String> urls() {
        return urls;
    }

    public Optional<String> userInfo() {
        return userInfo;
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    /** Negative: a latest version, once fetched, is kept. */
    public Duration latestCacheTtl() {
        return latestCacheTtl;
    }

    /** The id to write with, or -1 to find it from the datum's schema. */
    public int useSchemaId() {
        return useSchemaId;
    }

    public boolean normalize() {
        return normalize;
    }

    public SubjectNameStrategy subjectNameStrategy() {
        return subjectNameStrategy;
    }

    public boolean specificReader() {
        return specificReader;
    }

    public boolean logicalTypeConverters() {
        return logicalTypeConverters;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }
}
