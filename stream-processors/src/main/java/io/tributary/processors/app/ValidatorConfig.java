package io.tributary.processors.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The validator's own settings ({@code tributary.*}); Kafka settings are Quarkus' and Kafka Streams' own keys. */
@ConfigMapping(prefix = "tributary")
public interface ValidatorConfig {

    Zone zone();

    SchemaRegistry schemaRegistry();

    Validator validator();

    Ods ods();

    /**
     * The identities of the other roles whose applications run here, by role id ({@code canonicaliser},
     * {@code analytical}); read by {@link ProcessorRoles}, which also refuses unknown role ids.
     */
    Map<String, RoleSettings> roles();

    interface RoleSettings {
        /** Kafka client settings of the role ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), by client key. */
        Map<String, String> kafka();

        RoleRegistry registry();
    }

    interface RoleRegistry {
        /** {@code user:password} of the role on the schema registry. */
        Optional<String> basicAuthUserInfo();
    }

    interface Ods {
        /** Run the zone's ods pipelines (entity mappings and upserts) in this application, if the zone declares entities. */
        @WithDefault("true")
        boolean enabled();

        /** Folder of per-zone plug-in folders ({@code <dir>/<zone>/*.jar}) holding record transformers. */
        Optional<String> pluginsDir();

        /**
         * Where a single-source entity's upsert keeps the latest version per key: {@code ods-topic} (in memory,
         * rebuilt from the ods topic when a task starts; no changelog) or {@code changelog} (RocksDB with a changelog).
         * Entities with several sources always use the changelog (docs/ods.md, "Performance").
         */
        @WithDefault("ods-topic")
        String versionStore();
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
}
