package io.tributary.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small client of Kafka Connect's REST API: what the platform and its tests need of it. */
public final class ConnectRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Creates the connector or replaces its configuration ({@code PUT /connectors/{name}/config}). */
    public JsonNode putConnectorConfig(String name, Map<String, String> config) {
        return send("PUT", "/connectors/" + encode(name) + "/config", JSON.valueToTree(config));
    }

    /** {@code GET /connectors/{name}/status}: the connector's and each task's state and trace. */
    public JsonNode status(String name) {
        return send("GET", "/connectors/" + encode(name) + "/status", null);
    }

    /** The state of task {@code task} (RUNNING, FAILED, ...), or UNASSIGNED if it has none yet. */
    public String taskState(String name, int task) {
        for (JsonNode t : status(name).path("tasks")) {
            if (t.path("id").asInt() == task) {
                return t.path("state").asText();
            }
        }
        return "UNASSIGNED";
    }

    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        send("GET", "/connectors", null).forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Stops the connector and its tasks, keeping its configuration ({@code PUT /connectors/{name}/stop}). */
    public void stop(String name) {
        send("PUT", "/connectors/" + encode(name) + "/stop", null);
    }

    /** Restarts the connector and all its tasks ({@code POST /connectors/{name}/restart?includeTasks=true}). */
    public void restart(String name) {
        send("POST", "/connectors/" + encode(name) + "/restart?includeTasks=true&onlyFailed=false", null);
    }

    /** Restarts one task ({@code POST /connectors/{name}/tasks/{task}/restart}). */
    public void restartTask(String name, int task) {
        send("POST", "/connectors/" + encode(name) + "/tasks/" + task + "/restart", null);
    }

    public void resume(String name) {
        send("PUT", "/connectors/" + encode(name) + "/resume", null);
    }

    /** Forgets a stopped connector's committed offsets ({@code DELETE /connectors/{name}/offsets}). */
    public JsonNode resetOffsets(String name) {
        return send("DELETE", "/connectors/" + encode(name) + "/offsets", null);
    }

    /** {@code GET /connectors/{name}/offsets}: the offsets the connector has committed. */
    public JsonNode offsets(String name) {
        return send("GET", "/connectors/" + encode(name) + "/offsets", null);
    }

    public void delete(String name) {
        send("DELETE", "/connectors/" + encode(name), null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LocalRuntimeException("Kafka Connect at " + baseUrl + " could not be reached (" + method + " " + path + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while calling Kafka Connect at " + baseUrl, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new LocalRuntimeException("Kafka Connect answered " + response.statusCode() + " to " + method + " " + path + ": "
                    + response.body());
        }
        try {
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new LocalRuntimeException("Kafka Connect sent an answer that is not JSON to " + method + " " + path + ": "
                    + response.body(), e);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
