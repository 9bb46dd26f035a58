package io.tributary.cli.strimzi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.Secret;

/**
 * The Kubernetes Secrets that KafkaUsers rendered {@link StrimziZoneResources#withPasswordSecrets() with password Secrets}
 * read: one {@code v1 Secret} {@code <user>-password} per user of the zones (the same users as their KafkaUsers),
 * the password base64-encoded under {@code data.password}, labelled as Tributary's.
 */
public final class PasswordSecrets {
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "tributary";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final Function<String, Optional<Secret>> passwords;
    private final String namespace;

    /**
     * @param passwords the password of a user name, if there is one
     * @param namespace the Secrets' namespace (the KafkaUsers'), or null to leave it to {@code kubectl -n}
     */
    public PasswordSecrets(Function<String, Optional<Secret>> passwords, String namespace) {
        if (namespace != null && (namespace.length() > 63 || !LABEL.matcher(namespace).matches())) {
            throw new IllegalArgumentException("namespace '" + namespace
                    + "' is not a Kubernetes namespace name (at most 63 lower case letters, digits and '-')");
        }
        this.passwords = passwords;
        this.namespace = namespace;
    }

    public static PasswordSecrets from(CredentialStore store, String namespace) {
        return new PasswordSecrets(store::password, namespace);
    }

    /**
     * Every zone's Secrets, by zone. Every user needs a password and a name Kubernetes accepts: all users
     * lacking one are named at once, before anything is built.
     */
    public Map<String, List<Map<String, Object>>> of(List<ZoneDescriptor> zones) {
        List<String> missing = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        for (ZonePrincipal principal : ZoneAcls.principals(zones)) {
            String name = PasswordSecretRef.secretName(principal.userName());
            if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
                badNames.add(name);
            }
            if (passwords.apply(principal.userName()).isEmpty()) {
                missing.add(principal.userName());
            }
        }
        if (!badNames.isEmpty()) {
            throw new IllegalArgumentException("Secrets " + badNames + " are not Kubernetes names (lower case letters, digits, '-', '.'):"
                    + " a zone whose name holds '_' cannot have Strimzi users");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No password for users " + missing
                    + "; create the zones' credentials first (tributary zones apply), or add them to the secrets file");
        }
        Map<String, List<Map<String, Object>>> byZone = new LinkedHashMap<>();
        for (ZoneDescriptor zone : zones) {
            List<Map<String, Object>> secrets = new ArrayList<>();
            for (ZonePrincipal principal : ZoneAcls.principals(List.of(zone))) {
                secrets.add(secret(principal, passwords.apply(principal.userName()).orElseThrow()));
            }
            byZone.put(zone.zone(), secrets);
        }
        return byZone;
    }

    private Map<String, Object> secret(ZonePrincipal principal, Secret password) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        labels.put(StrimziZoneResources.ZONE_LABEL, principal.zone());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", PasswordSecretRef.secretName(principal.userName()));
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("labels", labels);
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        secret.put("type", "Opaque");
        // data, not stringData: the file never shows a password at a glance, and a GitOps diff compares like with like.
        secret.put("data", Map.of(PasswordSecretRef.KEY,
                Base64.getEncoder().encodeToString(password.reveal().getBytes(StandardCharsets.UTF_8))));
        return secret;
    }
}
