package io.tributary.ingest.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, {@code tributary.ingest.*} (Kafka producer settings are {@code kafka.*}). */
@ConfigMapping(prefix = "tributary.ingest")
public interface IngestConfig {
    /** A folder of zone descriptors (as `tributary zones apply` takes), or one descriptor file. */
    Path zones();

    /** Largest request body accepted; larger ones are answered 413. Keep it below quarkus.http.limits.max-body-size. */
    @WithDefault("8M")
    MemorySize maxBodySize();

    /** What Retry-After says when the service answers 429. */
    @WithDefault("2s")
    Duration retryAfter();

    Idempotency idempotency();

    Auth auth();

    /** Per zone ({@code tributary.ingest.zone.<zone>.*}): its own producer identity. */
    Map<String, Zone> zone();

    interface Zone {
        /** {@code kafka.<client key>}: security.protocol, sasl.*, ssl.* of the zone's own producer, over the shared kafka.* settings. */
        Map<String, String> kafka();
    }

    interface Idempotency {
        /** Keys remembered at most (the oldest are forgotten first). */
        @WithDefault("100000")
        int maxKeys();

        /** How long a key's answer is remembered. */
        @WithDefault("24h")
        Duration ttl();
    }

    interface Auth {
        /** {@code credentials} (default: zone credentials from credentials-file) or {@code open} (no authentication, local tries only). */
        @WithDefault("credentials")
        String mode();

        /** Properties or YAML file of zone credentials (see docs/ingest.md). */
        Optional<Path> credentialsFile();
    }
}
