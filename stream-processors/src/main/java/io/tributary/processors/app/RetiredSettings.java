package io.tributary.processors.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.tributary.model.PlatformTopics;

/**
 * Settings the processors no longer read. Each zone now has its own platform topics, named after it
 * (ACLs cannot keep zones apart on a shared topic), so a topic setting could only point a zone's roles
 * at a topic they may not use. An instance still given one stops at start and says what replaced it,
 * rather than quietly writing somewhere its readers do not look.
 */
final class RetiredSettings {

    private RetiredSettings() {
    }

    /** Fails with every retired setting found, each with what replaced it for {@code zone}. */
    static void refuse(Config config, String zone) {
        List<String> problems = new ArrayList<>();
        replacements(zone).forEach((key, replacement) -> {
            Optional<String> value = config.getOptionalValue(key, String.class);
            value.ifPresent(v -> problems.add(key + " (set to '" + v + "') is no longer read: " + replacement));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Zone " + zone + ": remove the retired settings. " + String.join("; ", problems));
        }
    }

    private static Map<String, String> replacements(String zone) {
        Map<String, String> replaced = new LinkedHashMap<>();
        replaced.put("tributary.batches.topic", "batch reports go to the zone's own " + PlatformTopics.batches(zone));
        replaced.put("tributary.ods.holds-topic", "steward holds are read from the zone's own " + PlatformTopics.holds(zone));
        return replaced;
    }
}
