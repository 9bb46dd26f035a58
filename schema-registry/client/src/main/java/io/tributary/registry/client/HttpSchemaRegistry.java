package io.tributary.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link SchemaRegistry} over Confluent Schema Registry's REST API. Several base URLs may be
 * given (as {@code schema.registry.url} allows): a call that cannot reach one tries the next.
 * Schemas with references are resolved by fetching the referenced versions.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final BlockingHttp http;
    private final Optional<String> authorization;
    private final boolean normalize;
    private final AtomicInteger current = new AtomicInteger();

    public HttpSchemaRegistry(String baseUrl) {
        this(baseUrl, null, Duration.ofSeconds(10));
    }

    /**
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null
     */
    public HttpSchemaRegistry(String baseUrl, String basicAuthUserInfo, Duration timeout) {
        this(List.of(requireUrl(baseUrl)), basicAuthUserInfo, timeout, false);
    }

    /**
     * @param baseUrls          one or more base URLs of the same registry, tried in order
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null
     * @param normalize         ask the registry to normalise schemas on registration and look-up
     */
    public HttpSchemaRegistry(List<String> baseUrls, String basicAuthUserInfo, Duration timeout, boolean normalize) {
        if (baseUrls == null || baseUrls.isEmpty()) {
            throw new IllegalArgumentException("schema registry URL is empty");
        }
        List<String> urls = new ArrayList<>();
        for (String url : baseUrls) {
            String u = requireUrl(url).trim();
            urls.add(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        }
        this.baseUrls = List.copyOf(urls);
        this.http = new BlockingHttp(timeout);
        this.authorization = Optional.ofNullable(basicAuthUserInfo)
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
        this.normalize = normalize;
    }

    private static String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is empty");
        }
        return url;
    }

    public String baseUrl() {
        return baseUrls.get(0);
    }

    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        String body = toJson(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions" + normalizeParam(), body);
        return answer.path("id").asInt();
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        String body = toJson(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        return send("POST", "/subjects/" + encode(subject) + normalizeParam(), body).path("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        return parse(answer.path("schema").asText(), answer.path("references"), "schema id " + id);
    }

    @Override
    public Optional<SubjectVersion> latest(String subject) {
        try {
            JsonNode v = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
            return Optional.of(new SubjectVersion(v.path("subject").asText(subject), v.path("version").asInt(),
                    v.path("id").asInt(), parse(v.path("schema").asText(), v.path("references"), "subject " + subject)));
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    private String normalizeParam() {
        return normalize ? "?normalize=true" : "";
    }

    /** Parses a schema after the schemas its references name, fetched (recursively) from the registry. */
    private Schema parse(String text, JsonNode references, String what) {
        Map<String, String> referenced = new LinkedHashMap<>();
        collectReferences(references, referenced, new LinkedHashSet<>());
        try {
            Schema.Parser parser = new Schema.Parser();
            for (String refText : referenced.values()) {
                parser.parse(refText);
            }
            return parser.parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException("The registry returned an unreadable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private void collectReferences(JsonNode references, Map<String, String> collected, Set<String> path) {
        if (references == null || !references.isArray()) {
            return;
        }
        for (JsonNode ref : references) {
            String subject = ref.path("subject").asText();
            String version = ref.path("version").asText("latest");
            String key = subject + "/" + version;
            if (collected.containsKey(key) || !path.add(key)) {
                continue;
            }
            JsonNode target = send("GET", "/subjects/" + encode(subject) + "/versions/" + encode(version), null);
            collectReferences(target.path("references"), collected, path);
            collected.put(key, target.path("schema").asText());
            path.remove(key);
        }
    }

    private JsonNode send(String method, String path, String body) {
        int start = current.get();
        RegistryException unreachable = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (start + attempt) % baseUrls.size();
            try {
                JsonNode answer = send(baseUrls.get(index), method, path, body);
                current.set(index);
                return answer;
            } catch (RegistryException e) {
                if (e.status() != 0) {
                    throw e;
                }
                unreachable = e;
            }
        }
        throw unreachable;
    }

    private JsonNode send(String baseUrl, String method, String path, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", CONTENT_TYPE + ", application/json");
        if (body != null) {
            headers.put("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(a -> headers.put("Authorization", a));
        BlockingHttp.Response response;
        try {
            response = http.exchange(method, URI.create(baseUrl + path), body, headers);
        } catch (IOException e) {
            throw new RegistryException("Schema registry at " + baseUrl + " could not be reached (" + method + " " + path
                    + "): " + e, e);
        }
        JsonNode json = readJson(response.body());
        if (response.status() / 100 != 2) {
            String message = json.path("message").asText(response.body());
            throw new RegistryException("Schema registry answered " + response.status() + " to " + method + " " + path
                    + ": " + message, response.status(), json.path("error_code").asInt(0));
        }
        return json;
    }

    private static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
