package io.tributary.security.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

/**
 * Client properties for a zone's role (or the platform), with the password from the
 * {@link CredentialStore}: SASL/SCRAM-SHA-512 over {@code SASL_PLAINTEXT} (or {@code SASL_SSL}
 * when the cluster has TLS), and the same user for the schema registry through HTTP basic auth.
 */
public final class ClientConfigs {
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final CredentialStore store;
    private final String securityProtocol;
    private final Map<String, String> tls;

    /** Clients over {@code SASL_PLAINTEXT}. */
    public ClientConfigs(CredentialStore store) {
        this(store, "SASL_PLAINTEXT");
    }

    /** @param securityProtocol {@code SASL_PLAINTEXT} or {@code SASL_SSL} */
    public ClientConfigs(CredentialStore store, String securityProtocol) {
        this(store, securityProtocol, Map.of());
    }

    /**
     * @param securityProtocol {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     * @param tls the {@code ssl.*} settings every client of the cluster needs, e.g. the trust store of
     *     the CA that signed the brokers' certificates; only with {@code SASL_SSL}
     */
    public ClientConfigs(CredentialStore store, String securityProtocol, Map<String, String> tls) {
        if (!securityProtocol.equals("SASL_PLAINTEXT") && !securityProtocol.equals("SASL_SSL")) {
            throw new IllegalArgumentException("security.protocol must be SASL_PLAINTEXT or SASL_SSL, not " + securityProtocol);
        }
        tls.keySet().stream().filter(k -> !k.startsWith("ssl.")).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("only ssl.* settings may be added to every client, not " + k);
        });
        if (!tls.isEmpty() && !securityProtocol.equals("SASL_SSL")) {
            throw new IllegalArgumentException("ssl.* settings need security.protocol SASL_SSL, not " + securityProtocol);
        }
        this.store = store;
        this.securityProtocol = securityProtocol;
        this.tls = Map.copyOf(tls);
    }

    public ClientConfig forRole(String zone, Role role, String bootstrapServers, String registryUrl) {
        return forUser(ZonePrincipal.of(zone, role).userName(), bootstrapServers, registryUrl);
    }

    public ClientConfig forPlatform(String bootstrapServers, String registryUrl) {
        return forUser(ZonePrincipal.PLATFORM_USER, bootstrapServers, registryUrl);
    }

    /**
     * @param registryUrl the schema registry's URL; null leaves the registry properties out
     * @throws CredentialException if the store has no password for {@code user}
     */
    public ClientConfig forUser(String user, String bootstrapServers, String registryUrl) {
        Secret password = store.require(user);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", securityProtocol);
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(user)
                + "\" password=\"" + escape(password.reveal()) + "\";");
        new java.util.TreeMap<>(tls).forEach(p::put);
        if (registryUrl != null) {
            p.put("schema.registry.url", registryUrl);
            p.put("basic.auth.credentials.source", "USER_INFO");
            p.put("basic.auth.user.info", user + ":" + password.reveal());
        }
        return new ClientConfig(user, p);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
