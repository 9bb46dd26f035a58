package io.tributary.processors.app;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The validator's own settings ({@code tributary.*}); Kafka settings are Quarkus' and Kafka Streams' own keys. */
@ConfigMapping(prefix = "tributary")
public interface ValidatorConfig {

    Zone zone();

    SchemaRegistry schemaRegistry();

    interface Zone {
        /** Path of the zone descriptor (YAML) whose datasets this instance validates. */
        String descriptor();
    }

    interface SchemaRegistry {
        /** Base URL of a Confluent-compatible schema registry. */
        String url();

        /** {@code user:password} for HTTP basic authentication, as Confluent's {@code basic.auth.user.info}. */
        Optional<String> basicAuthUserInfo();

        /** Timeout of one registry request. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Longest wait between attempts while the registry does not answer at start. */
        @WithDefault("10s")
        Duration retryMaxBackoff();
    }
}
