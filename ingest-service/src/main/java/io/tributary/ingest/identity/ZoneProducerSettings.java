package io.tributary.ingest.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each zone's own producer identity: {@code tributary.ingest.zone.<zone>.kafka.<key>} properties,
 * laid over the shared {@code kafka.*} settings. Only the keys that say who the client is
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) may differ per zone: the bounds and
 * tuning stay shared, so that back-pressure behaves alike for every zone.
 */
public final class ZoneProducerSettings {
    public static final String PREFIX = "tributary.ingest.zone.";
    private static final String KAFKA = ".kafka.";
    public static final String CLIENT_ID_PREFIX = "tributary-ingest-";

    private ZoneProducerSettings() {
    }

    /**
     * @param properties every configuration property (name to value); only the per-zone ones are read
     * @param zones      the zones the service serves
     * @param shared     the shared producer's settings
     * @return the zones that have keys of their own, each with its complete producer identity
     * @throws IllegalArgumentException naming every bad key (unknown zone, a key that is not an identity key), without any value
     */
    public static Map<String, KafkaIdentity> from(Map<String, String> properties, Collection<String> zones, Map<String, Object> shared) {
        Map<String, Map<String, Object>> overrides = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            String name = property.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            int kafka = rest.indexOf(KAFKA);
            if (kafka <= 0 || kafka + KAFKA.length() == rest.length()) {
                problems.add(name + ": per-zone settings are tributary.ingest.zone.<zone>.kafka.<client key>");
                continue;
            }
            String zone = rest.substring(0, kafka);
            String key = rest.substring(kafka + KAFKA.length());
            if (!zones.contains(zone)) {
                problems.add(name + ": zone '" + zone + "' is not among the zones served " + Set.copyOf(zones).stream().sorted().toList());
            } else if (!isIdentityKey(key)) {
                problems.add(name + ": only security.protocol, sasl.* and ssl.* may be set per zone; '" + key
                        + "' is shared by every zone's producer (kafka." + key + ")");
            } else {
                overrides.computeIfAbsent(zone, z -> new HashMap<>()).put(key, property.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad per-zone Kafka settings:\n  ! " + String.join("\n  ! ", problems));
        }
        Map<String, KafkaIdentity> identities = new TreeMap<>();
        overrides.forEach((zone, own) -> {
            // On top of the shared settings: a shared trust store, say, serves every zone.
            Map<String, Object> settings = new HashMap<>(shared);
            settings.putAll(own);
            settings.put("client.id", CLIENT_ID_PREFIX + zone);
            identities.put(zone, KafkaIdentity.ofZone(zone, settings));
        });
        return identities;
    }

    static boolean isIdentityKey(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
