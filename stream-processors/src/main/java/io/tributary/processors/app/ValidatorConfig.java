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

    Validator validator();

    Batches batches();

    Ods ods();

    interface Ods {
        /** Run the zone's ods pipelines (entity mappings and upserts) in this application, if the zone declares entities. */
        @WithDefault("true")
        boolean enabled();

        /** Where steward holds are kept (compacted, latest per dataset). */
        @WithDefault("_tributary.holds")
        String holdsTopic();

        /** Folder of per-zone plug-in folders ({@code <dir>/<zone>/*.jar}) holding record transformers. */
        Optional<String> pluginsDir();
    }

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

        /** How often the latest version of each staging subject is looked up (schema evolution while running). */
        @WithDefault("10s")
        Duration pollInterval();
    }

    interface Validator {
        /**
         * A landing value larger than this is rejected as TOO_LARGE before it is parsed. Keep it below the landing topics'
         * {@code max.message.bytes} (8 MiB), so that such records land and are rejected rather than refused to the producer.
         */
        @WithDefault("1048576")
        int maxRecordBytes();

        /** JSON nested deeper than this is rejected as TOO_DEEP. */
        @WithDefault("64")
        int maxNestingDepth();
    }

    interface Batches {
        /** Where batch reports go. */
        @WithDefault("_tributary.batches")
        String topic();

        /** Create the batch report topic at start if it does not exist (only for zones with batch datasets). */
        @WithDefault("true")
        boolean createTopic();

        /** Partitions of the batch report topic when the validator creates it. */
        @WithDefault("1")
        int partitions();
    }
}
