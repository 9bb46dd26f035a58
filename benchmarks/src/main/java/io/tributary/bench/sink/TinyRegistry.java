package io.tributary.bench.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The one endpoint the sink calls ({@code GET /schemas/ids/1}), answered from memory. The sink
 * caches schemas by id, so the registry is called once per run and plays no part in the figures.
 */
final class TinyRegistry implements AutoCloseable {
    private final HttpServer server;

    TinyRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] body = new ObjectMapper().writeValueAsBytes(java.util.Map.of("schema", BenchRecords.SCHEMA.toString()));
        server.createContext("/schemas/ids/" + BenchRecords.SCHEMA_ID, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
