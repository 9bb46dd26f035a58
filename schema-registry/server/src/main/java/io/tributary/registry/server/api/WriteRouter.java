package io.tributary.registry.server.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.leader.LeaderForwarder;
import io.tributary.registry.server.leader.Leadership;

/**
 * Runs a write here when this instance leads, else forwards it to the leader (once: a request
 * that was already forwarded is never forwarded again, so two instances that disagree about the
 * leader cannot bounce it between them).
 */
@Singleton
public class WriteRouter {
    private static final Logger LOG = LoggerFactory.getLogger(WriteRouter.class);

    private final Leadership leadership;
    private final LeaderForwarder forwarder;
    private final Duration timeout;
    private final Counter forwarded;

    @Inject
    WriteRouter(Leadership leadership, MeterRegistry meters,
            @ConfigProperty(name = "kafkastore.timeout.ms", defaultValue = "10000") long timeoutMs) {
        this.leadership = leadership;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.forwarder = new LeaderForwarder(leadership.selfUrl(), timeout);
        this.forwarded = Counter.builder("tributary.registry.forwarded.requests")
                .description("Writes this instance forwarded to the leader").register(meters);
    }

    Response write(String method, HttpHeaders headers, UriInfo uri, String body, Supplier<Object> local) {
        if (leadership.isLeader()) {
            return Response.ok(local.get()).build();
        }
        String forwardedBy = headers.getHeaderString(LeaderForwarder.FORWARDED_HEADER);
        if (forwardedBy != null) {
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "Request forwarded by " + forwardedBy
                    + " but this instance (" + leadership.selfUrl() + ") is not the leader; retry the request.");
        }
        Optional<String> leader;
        try {
            leader = leadership.awaitLeader(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "Interrupted while waiting for a leader", e);
        }
        if (leader.isEmpty()) {
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "No registry instance has been elected leader within "
                    + timeout.toMillis() + " ms (is any instance running with leader.eligibility=true?).");
        }
        if (leader.get().equals(leadership.selfUrl()) && leadership.isLeader()) {
            return Response.ok(local.get()).build();
        }
        Map<String, String> pass = new LinkedHashMap<>();
        pass.put(HttpHeaders.CONTENT_TYPE, headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        pass.put(HttpHeaders.ACCEPT, headers.getHeaderString(HttpHeaders.ACCEPT));
        pass.put(HttpHeaders.AUTHORIZATION, headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        String pathAndQuery = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        LOG.debug("Forwarding {} {} to the leader at {}", method, pathAndQuery, leader.get());
        LeaderForwarder.Answer answer = forwarder.forward(leader.get(), method, pathAndQuery, body, pass);
        forwarded.increment();
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        if (answer.contentType() != null) {
            response.type(answer.contentType());
        }
        return response.build();
    }
}
