package io.tributary.cli.strimzi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a KafkaUser finds a password of ours rather than one Strimzi generates: the key {@code password}
 * of the Secret {@code <user>-password}, as {@code spec.authentication.password.valueFrom.secretKeyRef}.
 * The User Operator still writes the user's own Secret ({@code <user>}: {@code password}, {@code sasl.jaas.config})
 * from it, so everything that reads that Secret keeps working.
 */
public final class PasswordSecretRef {
    public static final String KEY = "password";

    private PasswordSecretRef() {
    }

    /** The Secret holding the user's password; not the user's own Secret, which the User Operator owns. */
    public static String secretName(String user) {
        return user + "-password";
    }

    /** A KafkaUser's {@code spec.authentication} reading the user's password from its Secret. */
    static Map<String, Object> authentication(String user) {
        Map<String, Object> secretKeyRef = new LinkedHashMap<>();
        secretKeyRef.put("name", secretName(user));
        secretKeyRef.put("key", KEY);
        Map<String, Object> authentication = new LinkedHashMap<>();
        authentication.put("type", StrimziZoneResources.SCRAM);
        authentication.put("password", Map.of("valueFrom", Map.of("secretKeyRef", secretKeyRef)));
        return authentication;
    }
}
