package io.tributary.processors.app;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka client settings (bootstrap, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and the
 * registry's {@code user:password} one role uses. {@link #toString()} names the principal, never a secret.
 */
public record RoleIdentity(ProcessorRole role, Map<String, Object> kafka, Optional<String> registryUserInfo) {
    private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    public RoleIdentity {
        kafka = Map.copyOf(kafka);
    }

    /** The Kafka principal the settings authenticate as, for logs: {@code User:finance-canonicaliser}. */
    public String principal() {
        return principalOf(kafka);
    }

    static String principalOf(Map<String, Object> kafka) {
        Object jaas = kafka.get("sasl.jaas.config");
        if (jaas != null) {
            Matcher user = JAAS_USER.matcher(jaas.toString());
            if (user.find()) {
                return "User:" + user.group(1);
            }
            return "the SASL user of sasl.jaas.config (" + kafka.getOrDefault("sasl.mechanism", "GSSAPI") + ")";
        }
        Object protocol = kafka.getOrDefault("security.protocol", "PLAINTEXT");
        return "SSL".equals(protocol) ? "the principal of its TLS certificate" : "User:ANONYMOUS (no authentication)";
    }

    /** The registry user, for logs; the password stays out. */
    public String registryUser() {
        return registryUserInfo.map(info -> info.contains(":") ? info.substring(0, info.indexOf(':')) : info).orElse("(anonymous)");
    }

    @Override
    public String toString() {
        return role.id() + " as " + principal() + " (registry user " + registryUser() + ")";
    }
}
