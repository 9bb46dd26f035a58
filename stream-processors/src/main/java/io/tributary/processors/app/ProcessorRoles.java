package io.tributary.processors.app;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Which identity each role of this application uses. The validator uses the application's own
 * settings ({@code kafka.*}, {@code kafka-streams.*} security keys,
 * {@code tributary.schema-registry.basic-auth-user-info}); the canonicaliser and the analytical role
 * use {@code tributary.roles.<role>.kafka.<client key>} and
 * {@code tributary.roles.<role>.registry.basic-auth-user-info}. A role without Kafka keys runs as the
 * validator (open mode); a role with any takes its security settings from them alone, so that it
 * never inherits the validator's credentials.
 */
@Singleton
public class ProcessorRoles {
    static final String PREFIX = "tributary.roles.";
    private static final String KAFKA = "kafka.";
    private static final String REGISTRY_USER_INFO = "registry.basic-auth-user-info";

    private final Map<ProcessorRole, RoleIdentity> identities;

    @Inject
    public ProcessorRoles(KafkaSettings kafka, ValidatorConfig config) {
        Map<String, String> keys = new LinkedHashMap<>();
        config.roles().forEach((role, settings) -> {
            settings.kafka().forEach((key, value) -> keys.put(PREFIX + role + "." + KAFKA + key, value));
            settings.registry().basicAuthUserInfo().ifPresent(v -> keys.put(PREFIX + role + "." + REGISTRY_USER_INFO, v));
        });
        this.identities = resolve(keys, kafka.asMap(), config.schemaRegistry().basicAuthUserInfo());
    }

    /**
     * @param keys              every {@code tributary.roles.*} key with its value
     * @param validatorKafka    the validator's Kafka client settings
     * @param validatorRegistry the validator's registry {@code user:password}
     * @throws IllegalArgumentException naming the key, for a role or section that does not exist
     */
    public static Map<ProcessorRole, RoleIdentity> resolve(Map<String, String> keys, Map<String, Object> validatorKafka,
            Optional<String> validatorRegistry) {
        Map<ProcessorRole, Map<String, Object>> kafka = new EnumMap<>(ProcessorRole.class);
        Map<ProcessorRole, String> registry = new EnumMap<>(ProcessorRole.class);
        keys.forEach((name, value) -> {
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String roleId = dot < 0 ? rest : rest.substring(0, dot);
            ProcessorRole role = ProcessorRole.byId(roleId).filter(r -> r != ProcessorRole.VALIDATOR)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + roleId + "' in configuration key " + name
                            + ": expected tributary.roles.canonicaliser.* or tributary.roles.analytical.* (the validator uses"
                            + " kafka.*, kafka-streams.* and tributary.schema-registry.*)"));
            String setting = dot < 0 ? "" : rest.substring(dot + 1);
            if (setting.startsWith(KAFKA) && setting.length() > KAFKA.length()) {
                kafka.computeIfAbsent(role, r -> new HashMap<>()).put(setting.substring(KAFKA.length()), value);
            } else if (setting.equals(REGISTRY_USER_INFO)) {
                registry.put(role, value);
            } else {
                throw new IllegalArgumentException("Unknown configuration key " + name + ": a role takes " + PREFIX + roleId
                        + ".kafka.<client key> (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.*) and " + PREFIX + roleId
                        + "." + REGISTRY_USER_INFO);
            }
        });
        Map<ProcessorRole, RoleIdentity> identities = new EnumMap<>(ProcessorRole.class);
        for (ProcessorRole role : ProcessorRole.values()) {
            Map<String, Object> settings = new HashMap<>(validatorKafka);
            Map<String, Object> own = kafka.get(role);
            if (own != null) {
                settings.keySet().removeIf(KafkaSettings::isClientSecurity);
                settings.putAll(own);
            }
            Optional<String> userInfo = registry.containsKey(role) ? Optional.of(registry.get(role)) : validatorRegistry;
            identities.put(role, new RoleIdentity(role, settings, userInfo));
        }
        return identities;
    }

    public RoleIdentity of(ProcessorRole role) {
        return identities.get(role);
    }
}
