package io.tributary.processors.app;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorException;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.registry.Backoff;
import io.tributary.processors.registry.StagingSchemaIds;
import io.tributary.processors.topology.ValidatorScope;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * What the validator learns at start: the zone descriptor, the datasets it covers and the staging
 * schema id of each. Fails the start with every problem of an invalid descriptor.
 */
@Singleton
public class ValidatorSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatorSetup.class);

    private final ValidatorScope scope;
    private final Map<String, Integer> stagingSchemaIds;

    @Inject
    public ValidatorSetup(ValidatorConfig config) {
        Path descriptor = Path.of(config.zone().descriptor());
        ZoneDescriptor zone;
        try {
            zone = DescriptorLoader.load(descriptor);
        } catch (DescriptorException e) {
            LOG.error("Cannot validate: the zone descriptor {} (working directory {}) is not valid. {}", descriptor,
                    Path.of("").toAbsolutePath(), e.getMessage());
            throw e;
        }
        this.scope = ValidatorScope.of(zone);
        LOG.info("Zone {} (descriptor {}): validating datasets {}", zone.zone(), descriptor,
                scope.validated().stream().map(DatasetSpec::name).toList());
        scope.skipped().forEach(d -> LOG.warn("Zone {} dataset {}: landing format {} is not validated by this version; skipped",
                zone.zone(), d.name(), d.landingFormat().id()));
        ValidatorConfig.SchemaRegistry registryConfig = config.schemaRegistry();
        HttpSchemaRegistry registry = new HttpSchemaRegistry(registryConfig.url(),
                registryConfig.basicAuthUserInfo().orElse(null), registryConfig.requestTimeout());
        this.stagingSchemaIds = new StagingSchemaIds(registry, registry.baseUrl(),
                Backoff.upTo(registryConfig.retryMaxBackoff())).resolve(scope);
    }

    public ValidatorScope scope() {
        return scope;
    }

    public Map<String, Integer> stagingSchemaIds() {
        return stagingSchemaIds;
    }
}
