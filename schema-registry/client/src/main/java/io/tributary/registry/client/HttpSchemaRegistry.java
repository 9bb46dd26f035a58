package io.tributary.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link SchemaRegistry} over Confluent Schema Registry's REST API. */
public final class HttpSchemaRegistry implements SchemaRegistry {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Duration timeout;

    public HttpSchemaRegistry(String baseUrl) {
        this(baseUrl, null, Duration.ofSeconds(10));
    }

    /**
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null
     */
    public HttpSchemaRegistry(String baseUrl, String basicAuthUserInfo, Duration timeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is empty");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.authorization = Optional.ofNullable(basicAuthUserInfo)
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
        this.timeout = timeout;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        String body = toJson(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", body);
        return answer.path("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        return parse(answer.path("schema").asText(), "schema id " + id);
    }

    @Override
    public Optional<SubjectVersion> latest(String subject) {
        try {
            JsonNode v = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
            return Optional.of(new SubjectVersion(v.path("subject").asText(subject), v.path("version").asInt(),
                    v.path("id").asInt(), parse(v.path("schema").asText(), "subject " + subject)));
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

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException("Schema registry at " + baseUrl + " could not be reached (" + method + " " + path
                    + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while calling the schema registry at " + baseUrl, e);
        }
        JsonNode json = readJson(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = json.path("message").asText(response.body());
            throw new RegistryException("Schema registry answered " + response.statusCode() + " to " + method + " " + path
                    + ": " + message, response.statusCode(), json.path("error_code").asInt(0));
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

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException("The registry returned an unreadable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
