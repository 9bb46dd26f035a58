package io.tributary.cli.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How the platform knows a component is ready to serve. */
public interface HealthCheck {

    boolean healthy();

    /** What is checked, for messages. */
    String describe();

    static HealthCheck http(String url) {
        return new HttpCheck(url);
    }

    static HealthCheck tcp(int port) {
        return new TcpCheck(port);
    }

    /** Ready when a GET answers 2xx. */
    record HttpCheck(String url) implements HealthCheck {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

        @Override
        public boolean healthy() {
            try {
                HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() / 100 == 2;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String describe() {
            return "GET " + url;
        }
    }

    /** Ready when the port accepts a connection. */
    record TcpCheck(int port) implements HealthCheck {
        @Override
        public boolean healthy() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String describe() {
            return "TCP localhost:" + port;
        }
    }
}
