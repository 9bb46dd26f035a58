package io.tributary.processors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server answering the one call of Confluent's registry API the validator makes,
 * {@code POST /subjects/<subject>/versions}: first {@code failures} times with an error status,
 * then with an id per subject. The full registry is tested in its own module and end to end.
 */
public final class RegistryStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;
    private final int firstId;

    public record Call(String method, String path, String schema) {
    }

    private RegistryStub(int failures, int failureStatus, int firstId) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
        this.firstId = firstId;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code failureStatus} to the first {@code failures} calls, then ids from {@code firstId} on. */
    public static RegistryStub start(int failures, int failureStatus, int firstId) {
        try {
            return new RegistryStub(failures, failureStatus, firstId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return calls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getRawPath();
        JsonNode request = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        calls.add(new Call(exchange.getRequestMethod(), path, request.path("schema").asText(null)));
        if (failuresLeft.getAndDecrement() > 0) {
            respond(exchange, failureStatus, "{\"error_code\":" + failureStatus + "01,\"message\":\"stub says no\"}");
        } else if (exchange.getRequestMethod().equals("POST") && path.matches("/subjects/[^/]+/versions")) {
            int id = firstId + (int) calls.stream().map(Call::path).filter(p -> !p.equals(path)).distinct().count();
            respond(exchange, 200, "{\"id\":" + id + "}");
        } else {
            respond(exchange, 404, "{\"error_code\":40401,\"message\":\"not in the stub\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
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
