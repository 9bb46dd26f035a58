package io.tributary.ingest.app;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;

/** Refuses a body announced larger than the limit before reading it; the service checks the bytes read as well. */
public class BodySizeFilter {
    /** Read at the first request: the filter is built before the runtime configuration is there. */
    private volatile long maxBodyBytes = -1;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseTooLarge(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        try {
            long announced = Long.parseLong(length.trim());
            long max = maxBodyBytes();
            return announced > max ? Optional.of(RecordsResource.tooLarge(announced, max)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private long maxBodyBytes() {
        if (maxBodyBytes < 0) {
            maxBodyBytes = ConfigProvider.getConfig().getOptionalValue("tributary.ingest.max-body-size", MemorySize.class)
                    .orElse(new MemorySize(java.math.BigInteger.valueOf(8L << 20))).asLongValue();
        }
        return maxBodyBytes;
    }
}
