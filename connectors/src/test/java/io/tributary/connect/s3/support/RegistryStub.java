package io.tributary.connect.s3.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The two endpoints of Confluent's schema registry API the sink and its tests use, over real
 * HTTP: {@code POST /subjects/{subject}/versions} and {@code GET /schemas/ids/{id}}. Stands in
 * for the platform's registry until that application is packaged.
 */
public final class RegistryStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();

    private RegistryStub(HttpServer server) {
        this.server = server;
    }

    public static RegistryStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        RegistryStub stub = new RegistryStub(server);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if ("POST".equals(method) && path.matches("/subjects/[^/]+/versions")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String schema = body.path("schema").asText();
                int id = idsBySchema.computeIfAbsent(schema, s -> {
                    int n = nextId.getAndIncrement();
                    schemasById.put(n, s);
                    return n;
                });
                answer(exchange, 200, Map.of("id", id));
            } else if ("GET".equals(method) && path.matches("/schemas/ids/\\d+")) {
                String schema = schemasById.get(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
                if (schema == null) {
                    answer(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
                } else {
                    answer(exchange, 200, Map.of("schema", schema));
                }
            } else {
                answer(exchange, 404, Map.of("error_code", 404, "message", "not served by the test registry: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, Map.of("error_code", 500, "message", String.valueOf(e.getMessage())));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
