package io.tributary.ingest.identity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a producer is on the cluster: the Kafka principal its settings authenticate as, told by
 * user name only ({@code User:finance-producer}), never with the secret.
 *
 * @param zone     the zone whose landing it writes, or empty for the shared producer
 * @param settings the complete client settings (with the secret: never log or print them)
 */
public record KafkaIdentity(Optional<String> zone, String principal, Map<String, Object> settings) {
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    public KafkaIdentity {
        settings = Map.copyOf(settings);
    }

    public static KafkaIdentity shared(Map<String, Object> settings) {
        return new KafkaIdentity(Optional.empty(), principalOf(settings), settings);
    }

    public static KafkaIdentity ofZone(String zone, Map<String, Object> settings) {
        return new KafkaIdentity(Optional.of(zone), principalOf(settings), settings);
    }

    /** What the broker will see: the SASL user name, or what the protocol implies when there is none. */
    static String principalOf(Map<String, Object> settings) {
        Object jaas = settings.get("sasl.jaas.config");
        if (jaas != null) {
            Matcher m = USERNAME.matcher(jaas.toString());
            if (m.find()) {
                return "User:" + m.group(1);
            }
        }
        String protocol = String.valueOf(settings.getOrDefault("security.protocol", "PLAINTEXT"));
        if (protocol.equalsIgnoreCase("PLAINTEXT")) {
            return "User:ANONYMOUS";
        }
        if (protocol.equalsIgnoreCase("SSL")) {
            return "the TLS client certificate's name";
        }
        return "the user of sasl.mechanism " + settings.getOrDefault("sasl.mechanism", "GSSAPI");
    }

    /** {@code text} (a Kafka exception's message) without this identity's secrets. */
    public String scrub(String text) {
        return Redaction.scrub(text, settings);
    }

    /** For logs and messages: {@code zone hr's producer User:hr-producer}, or {@code the shared producer User:tributary-platform}. */
    public String describe() {
        return zone.map(z -> "zone " + z + "'s producer " + principal).orElse("the shared producer " + principal);
    }

    @Override
    public String toString() {
        return describe();
    }
}
