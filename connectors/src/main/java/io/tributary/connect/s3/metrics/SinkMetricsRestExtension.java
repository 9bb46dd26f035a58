package io.tributary.connect.s3.metrics;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Adds {@code GET /tributary/metrics} to the worker's REST API: the S3 sink tasks' metrics in
 * Prometheus' text format. Enable with {@code rest.extension.classes=} this class on the worker.
 */
public final class SinkMetricsRestExtension implements ConnectRestExtension {

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(Resource.class);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String version() {
        return io.tributary.connect.s3.Versions.connector();
    }

    /** The endpoint. */
    @Path("/tributary")
    public static final class Resource {
        @GET
        @Path("/metrics")
        @Produces(PrometheusText.CONTENT_TYPE)
        public String metrics() {
            return PrometheusText.render(MetricsRegistry.tasks());
        }
    }
}
