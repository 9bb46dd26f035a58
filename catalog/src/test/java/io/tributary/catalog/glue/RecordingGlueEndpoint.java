package io.tributary.catalog.glue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP endpoint that speaks just enough of Glue's JSON 1.1 protocol for the catalog's
 * calls, and records every request as the SDK sent it (operation, headers, body). It keeps what
 * it is told (databases, tables, partitions), so that reads answer what earlier writes stored.
 */
public final class RecordingGlueEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Recorded(String operation, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    public final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
    public final Map<String, JsonNode> partitions = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> databases = new ConcurrentHashMap<>();

    public RecordingGlueEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> operations() {
        return requests.stream().map(Recorded::operation).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        requests.add(new Recorded(operation, Map.copyOf(exchange.getRequestHeaders()), body));
        try {
            reply(exchange, 200, answer(operation, body));
        } catch (GlueError e) {
            ObjectNode error = JSON.createObjectNode().put("__type", "com.amazonaws.glue#" + e.type).put("Message", e.getMessage());
            reply(exchange, 400, error);
        }
    }

    private JsonNode answer(String operation, JsonNode body) {
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "GetDatabase" -> {
                JsonNode db = databases.get(body.path("Name").asText());
                if (db == null) {
                    throw new GlueError("EntityNotFoundException", "Database " + body.path("Name").asText() + " not found.");
                }
                out.set("Database", db);
            }
            case "CreateDatabase" -> {
                String name = body.path("DatabaseInput").path("Name").asText();
                if (databases.putIfAbsent(name, body.path("DatabaseInput")) != null) {
                    throw new GlueError("AlreadyExistsException", "Database already exists.");
                }
            }
            case "GetTable" -> {
                ObjectNode table = tables.get(body.path("DatabaseName").asText() + "." + body.path("Name").asText());
                if (table == null) {
                    throw new GlueError("EntityNotFoundException", "Table " + body.path("Name").asText() + " not found.");
                }
                out.set("Table", table.deepCopy().put("DatabaseName", body.path("DatabaseName").asText()));
            }
            case "CreateTable" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableInput").path("Name").asText();
                if (tables.putIfAbsent(key, (ObjectNode) body.path("TableInput").deepCopy()) != null) {
                    throw new GlueError("AlreadyExistsException", "Table already exists.");
                }
            }
            case "UpdateTable" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableInput").path("Name").asText();
                if (tables.replace(key, (ObjectNode) body.path("TableInput").deepCopy()) == null) {
                    throw new GlueError("EntityNotFoundException", "Table not found.");
                }
            }
            case "CreatePartition" -> {
                String key = body.path("DatabaseName").asText() + "." + body.path("TableName").asText() + "/"
                        + body.path("PartitionInput").path("Values");
                if (partitions.putIfAbsent(key, body.path("PartitionInput")) != null) {
                    throw new GlueError("AlreadyExistsException", "Partition already exists.");
                }
            }
            default -> throw new GlueError("InvalidInputException", "operation " + operation + " is not served here");
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "test-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class GlueError extends RuntimeException {
        final String type;

        GlueError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}
