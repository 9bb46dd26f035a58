package io.tributary.registry.server.security;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated user and its roles: {@code admin} (everything), {@code reader} (reads
 * everything) and {@code zone:<zone>} (writes, and reads when reads are per zone, the subjects
 * of that zone).
 */
public record RegistryPrincipal(String name, Set<String> roles) implements Principal {
    public static final String ADMIN = "admin";
    public static final String READER = "reader";
    public static final String ZONE_PREFIX = "zone:";

    public RegistryPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean readsEverything() {
        return isAdmin() || roles.contains(READER);
    }

    /** The zones named by this principal's {@code zone:<zone>} roles, sorted. */
    public Set<String> zones() {
        Set<String> zones = new TreeSet<>();
        roles.stream().filter(r -> r.startsWith(ZONE_PREFIX)).forEach(r -> zones.add(r.substring(ZONE_PREFIX.length())));
        return zones;
    }
}
