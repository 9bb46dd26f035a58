package io.tributary.security;

import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.security.auth.KafkaPrincipal;

import io.tributary.model.Names;

/**
 * The identity of one role of one zone: user name {@code <zone>-<role>}, e.g. {@code finance-producer},
 * principal {@code User:finance-producer}. Zone names cannot contain '-', so a user name reads back
 * unambiguously, and it needs no escaping as a SCRAM name (only ',' and '=' would).
 */
public record ZonePrincipal(String zone, Role role) {

    /** The platform's own user: super user of the cluster, never given ACLs. */
    public static final String PLATFORM_USER = "tributary-platform";

    public ZonePrincipal {
        if (!Names.isValid(zone)) {
            throw new IllegalArgumentException("zone name '" + zone + "' does not match " + Names.RULE);
        }
        Objects.requireNonNull(role, "role");
    }

    public static ZonePrincipal of(String zone, Role role) {
        return new ZonePrincipal(zone, role);
    }

    public String userName() {
        return zone + "-" + role.id();
    }

    public KafkaPrincipal kafkaPrincipal() {
        return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, userName());
    }

    /** {@code User:<zone>-<role>}, as ACLs name it. */
    public String principal() {
        return kafkaPrincipal().toString();
    }

    public static String platformPrincipal() {
        return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, PLATFORM_USER).toString();
    }

    /** The zone principal a user name or {@code User:} principal names, if it follows the naming scheme. */
    public static Optional<ZonePrincipal> parse(String userOrPrincipal) {
        String user = userOrPrincipal.startsWith(KafkaPrincipal.USER_TYPE + ":")
                ? userOrPrincipal.substring(KafkaPrincipal.USER_TYPE.length() + 1)
                : userOrPrincipal;
        int dash = user.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String zone = user.substring(0, dash);
        return Role.fromId(user.substring(dash + 1))
                .filter(r -> Names.isValid(zone))
                .map(r -> new ZonePrincipal(zone, r));
    }

    @Override
    public String toString() {
        return principal();
    }
}
