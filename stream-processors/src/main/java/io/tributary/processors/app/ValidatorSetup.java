package io.tributary.processors.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorException;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.registry.Backoff;
import io.tributary.processors.registry.RegistryWriterSchemas;
import io.tributary.processors.registry.SchemaEvolution;
import io.tributary.processors.registry.StagingSchemaIds;
import io.tributary.processors.topology.DatasetContract;
import io.tributary.processors.topology.DatasetValidator;
import io.tributary.processors.topology.ValidatorLimits;
import io.tributary.processors.topology.ValidatorScope;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * What the validator learns at start: the zone descriptor, the datasets it covers and the
 * contract of each (the staging schema's id, moved on to the latest compatible registered
 * version). Fails the start with every problem of an invalid descriptor.
 */
@Singleton
public class ValidatorSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatorSetup.class);

    private final ValidatorScope scope;
    private final List<DatasetValidator> validators;
    private final SchemaEvolution evolution;

    @Inject
    public ValidatorSetup(ValidatorConfig config, Config settings) {
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
        try {
            RetiredSettings.refuse(settings, zone.zone());
        } catch (IllegalStateException e) {
            LOG.error("Cannot validate: {}", e.getMessage());
            throw e;
        }
        LOG.info("Zone {} (descriptor {}): validating datasets {}", zone.zone(), descriptor, zone.datasets().stream()
                .map(d -> d.name() + " (" + d.landingFormat().id() + ", " + d.validationMode().id() + ", " + d.rules().size() + " rules)")
                .toList());
        ValidatorConfig.SchemaRegistry registryConfig = config.schemaRegistry();
        HttpSchemaRegistry registry = new HttpSchemaRegistry(registryConfig.url(),
                registryConfig.basicAuthUserInfo().orElse(null), registryConfig.requestTimeout());
        StagingSchemaIds ids = new StagingSchemaIds(registry, registry.baseUrl(), Backoff.upTo(registryConfig.retryMaxBackoff()));
        RegistryWriterSchemas writers = new RegistryWriterSchemas(registry);
        ValidatorLimits limits = new ValidatorLimits(config.validator().maxRecordBytes(), config.validator().maxNestingDepth());
        List<DatasetValidator> list = new ArrayList<>();
        for (DatasetSpec dataset : zone.datasets()) {
            int id = ids.resolve(zone.zone(), dataset);
            list.add(new DatasetValidator(DatasetContract.of(dataset, dataset.schema(), id, 0, writers, limits), limits));
        }
        this.validators = List.copyOf(list);
        this.evolution = new SchemaEvolution(zone.zone(), registry, writers, limits, validators);
        // Start with the latest compatible version, if the registry has a newer one than the descriptor's file.
        evolution.poll();
    }

    public ValidatorScope scope() {
        return scope;
    }

    public String zone() {
        return scope.zone().zone();
    }

    public List<DatasetValidator> validators() {
        return validators;
    }

    public SchemaEvolution evolution() {
        return evolution;
    }

    /** Where the zone's batch reports go: its own platform topic, which only its roles may read or write. */
    public String batchesTopic() {
        return PlatformTopics.batches(zone());
    }

    /** Dataset name → the registry id of the schema it is validated with now. */
    public Map<String, Integer> stagingSchemaIds() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        validators.forEach(v -> ids.put(v.dataset().name(), v.contract().schemaId()));
        return ids;
    }
}
