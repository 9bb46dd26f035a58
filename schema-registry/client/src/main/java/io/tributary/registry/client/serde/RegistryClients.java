package io.tributary.registry.client.serde;

import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.SchemaRegistry;

/** Builds the registry client the serdes use: over HTTP, cached (ids forever, latest versions for latest.cache.ttl.sec). */
public final class RegistryClients {
    private RegistryClients() {
    }

    public static SchemaRegistry create(AvroSerdeConfig config) {
        return new CachingSchemaRegistry(new HttpSchemaRegistry(config.urls(), config.userInfo().orElse(null),
                config.requestTimeout(), config.normalize()), config.latestCacheTtl());
    }

    /** A registry handed in by the application, cached unless it already is. */
    public static SchemaRegistry cached(SchemaRegistry given, AvroSerdeConfig config) {
        return given instanceof CachingSchemaRegistry ? given : new CachingSchemaRegistry(given, config.latestCacheTtl());
    }
}
