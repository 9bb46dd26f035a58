package io.tributary.processors.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.processors.topology.ValidatorScope;

/**
 * Derives Kafka Streams settings from the zone descriptor named by {@code tributary.zone.descriptor},
 * so that an instance is configured by its zone alone:
 * {@code quarkus.kafka-streams.application-id=tributary-<zone>-validator} and
 * {@code quarkus.kafka-streams.topics} = the landing, staging and rejected topics of the validated
 * datasets, and the zone's batch report topic ({@code _tributary.<zone>.batches}) for a zone with
 * batch datasets (Kafka Streams starts, and the application reports ready, once they all exist; the
 * platform creates them, the validator may not).
 * Ordinal {@value #ORDINAL}: below application.properties (250), environment variables (300) and
 * system properties (400), so any of them can override. A descriptor that does not load adds
 * nothing here; the start then fails with the descriptor's problems, listed by {@link ValidatorSetup}.
 */
public final class ZoneDescriptorConfigSource implements ConfigSourceFactory {
    static final int ORDINAL = 200;
    static final String DESCRIPTOR_KEY = "tributary.zone.descriptor";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue descriptor = context.getValue(DESCRIPTOR_KEY);
        if (descriptor == null || descriptor.getValue() == null || descriptor.getValue().isBlank()) {
            return List.of();
        }
        try {
            Map<String, String> derived = derive(ValidatorScope.of(DescriptorLoader.load(Path.of(descriptor.getValue()))));
            return List.of(new PropertiesConfigSource(derived, "zone descriptor " + descriptor.getValue(), ORDINAL));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Map<String, String> derive(ValidatorScope scope) {
        Map<String, String> derived = new LinkedHashMap<>();
        derived.put("quarkus.kafka-streams.application-id", scope.applicationId());
        List<String> topics = new ArrayList<>(scope.topics());
        if (scope.hasBatchDatasets()) {
            topics.add(PlatformTopics.batches(scope.zone().zone()));
        }
        if (!topics.isEmpty()) {
            derived.put("quarkus.kafka-streams.topics", String.join(",", topics));
        }
        return derived;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
