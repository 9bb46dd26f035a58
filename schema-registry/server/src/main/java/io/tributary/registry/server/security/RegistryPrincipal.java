package io.tributary.registry.server.security;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated user and its roles:
 * <ul>
 * <li>{@code admin}: everything;</li>
 * <li>{@code reader}: reads everything;</li>
 * <li>{@code zone:<zone>}: registers, deletes and configures the subjects of that zone, and reads
 * them when reads are per zone;</li>
 * <li>{@code read:<subject or prefix*>}: reads those subjects (e.g. what another zone publishes);</li>
 * <li>{@code write:<subject or prefix*>}: registers schemas under those subjects, and reads them
 * (a serializer looks up what it registered); never deletes or configures.</li>
 * </ul>
 */
public record RegistryPrincipal(String name, Set<String> roles) implements Principal {
    public static final String ADMIN = "admin";
    public static final String READER = "reader";
    public static final String ZONE_PREFIX = "zone:";
    public static final String READ_PREFIX = "read:";
    public static final String WRITE_PREFIX = "write:";

    public RegistryPrincipal {
        roles = Set.copyOf(roles);
        // Fails on a malformed grant here too, not only when a users file is loaded.
        grants(roles, READ_PREFIX);
        grants(roles, WRITE_PREFIX);
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

    /** Whether a {@code zone:} role covers the subject: every operation on it is allowed. */
    public boolean ownsZoneOf(String subject) {
        return ZoneOfSubject.of(subject).map(zones()::contains).orElse(false);
    }

    /** Whether a {@code write:} grant lets this principal register a schema under the subject. */
    public boolean mayRegister(String subject) {
        return grants(roles, WRITE_PREFIX).stream().anyMatch(p -> p.matches(subject));
    }

    /** Whether a zone role, a read grant or a write grant lets this principal read the subject. */
    public boolean mayRead(String subject) {
        return ownsZoneOf(subject) || mayRegister(subject)
                || grants(roles, READ_PREFIX).stream().anyMatch(p -> p.matches(subject));
    }

    /** What this principal may read, for error messages: its zones and its grants. */
    public String describeReads() {
        List<String> parts = new ArrayList<>();
        if (!zones().isEmpty()) {
            parts.add("subjects of zones " + zones());
        }
        List<SubjectPattern> reads = new ArrayList<>(grants(roles, READ_PREFIX));
        reads.addAll(grants(roles, WRITE_PREFIX));
        if (!reads.isEmpty()) {
            parts.add("subjects " + reads.stream().map(SubjectPattern::text).sorted().toList());
        }
        return parts.isEmpty() ? "no subjects" : String.join(" and ", parts);
    }

    /** What this principal may register, for error messages. */
    public String describeWrites() {
        List<String> parts = new ArrayList<>();
        if (!zones().isEmpty()) {
            parts.add("subjects of zones " + zones());
        }
        List<SubjectPattern> writes = grants(roles, WRITE_PREFIX);
        if (!writes.isEmpty()) {
            parts.add("subjects " + writes.stream().map(SubjectPattern::text).sorted().toList() + " (register only)");
        }
        return parts.isEmpty() ? "no subjects" : String.join(" and ", parts);
    }

    private static List<SubjectPattern> grants(Set<String> roles, String prefix) {
        return roles.stream().filter(r -> r.startsWith(prefix)).map(r -> {
            try {
                return new SubjectPattern(r.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("role '" + r + "': " + e.getMessage(), e);
            }
        }).toList();
    }
}
