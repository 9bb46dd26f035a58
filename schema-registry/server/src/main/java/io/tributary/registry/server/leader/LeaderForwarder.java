package io.tributary.registry.server.leader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

/**
 * Sends a write that arrived at a follower to the elected leader, unchanged (method, path,
 * query, body, content type and credentials), and hands back the leader's answer as it is, so
 * that clients see the leader's status and error codes.
 */
public final class LeaderForwarder {
    /** Marks a forwarded request; an instance that receives one and does not lead answers 50004 instead of forwarding again. */
    public static final String FORWARDED_HEADER = "X-Tributary-Forwarded-By";

    /** The leader's answer. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final String selfUrl;

    public LeaderForwarder(String selfUrl, Duration timeout) {
        this.selfUrl = selfUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param pathAndQuery the raw path and query of the original request
     * @param headers      the headers to pass on (content type, accept, authorization), absent ones left out
     */
    public Answer forward(String leaderUrl, String method, String pathAndQuery, String body, Map<String, String> headers) {
        String target = strip(leaderUrl) + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(timeout.plusSeconds(5))
                .header(FORWARDED_HEADER, selfUrl)
                .method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new RegistryException(ErrorCode.FORWARDING_FAILED, "Error while forwarding the request to the leader at "
                    + leaderUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.FORWARDING_FAILED, "Interrupted while forwarding the request to the leader at "
                    + leaderUrl, e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
