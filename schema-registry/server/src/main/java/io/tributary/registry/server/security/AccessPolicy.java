package io.tributary.registry.server.security;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Who may do what. With authentication off, everyone may do everything. With basic
 * authentication on, writes need a known user; with zone authorisation on, a user may write only
 * subjects of its own zones ({@code zone:<zone>} roles) and only admins may change registry-wide
 * settings. Reads follow {@link ReadAccess}.
 */
public final class AccessPolicy {

    /** Who may read: anyone (no credentials needed), any authenticated user, or per zone. */
    public enum ReadAccess {
        ANYONE, AUTHENTICATED, ZONE;

        public static ReadAccess parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("authorization.read must be ANYONE, AUTHENTICATED or ZONE, not '" + text + "'");
            }
        }
    }

    /** The verdict on a request. */
    public record Decision(Outcome outcome, String reason) {
        public enum Outcome { ALLOW, UNAUTHENTICATED, FORBIDDEN }

        static final Decision ALLOW = new Decision(Outcome.ALLOW, "");

        static Decision unauthenticated(String reason) {
            return new Decision(Outcome.UNAUTHENTICATED, reason);
        }

        static Decision forbidden(String reason) {
            return new Decision(Outcome.FORBIDDEN, reason);
        }
    }

    private final boolean authenticationOn;
    private final boolean zonesOn;
    private final ReadAccess reads;

    public AccessPolicy(boolean authenticationOn, boolean zonesOn, ReadAccess reads) {
        this.authenticationOn = authenticationOn;
        this.zonesOn = zonesOn;
        this.reads = reads;
    }

    public static AccessPolicy open() {
        return new AccessPolicy(false, false, ReadAccess.ANYONE);
    }

    public boolean authenticationOn() {
        return authenticationOn;
    }

    /**
     * @param principal    the authenticated user, or null when the request carried no credentials
     * @param subjectsOfId the subjects holding a schema id (to decide reads by id per zone)
     */
    public Decision decide(RequestTarget target, RegistryPrincipal principal, IntFunction<List<String>> subjectsOfId) {
        if (!authenticationOn) {
            return Decision.ALLOW;
        }
        if (!target.write()) {
            return decideRead(target, principal, subjectsOfId);
        }
        if (principal == null) {
            return Decision.unauthenticated("Credentials are required to change the registry.");
        }
        if (!zonesOn || principal.isAdmin()) {
            return Decision.ALLOW;
        }
        if (target.kind() != RequestTarget.Kind.SUBJECT) {
            return Decision.forbidden("User '" + principal.name() + "' may not change registry-wide settings: that needs the admin role.");
        }
        Optional<String> zone = ZoneOfSubject.of(target.subject());
        if (zone.isPresent() && principal.zones().contains(zone.get())) {
            return Decision.ALLOW;
        }
        return Decision.forbidden("User '" + principal.name() + "' may write only subjects of zones " + principal.zones()
                + "; subject '" + target.subject() + "' " + zone.map(z -> "belongs to zone '" + z + "'").orElse("belongs to no zone") + ".");
    }

    private Decision decideRead(RequestTarget target, RegistryPrincipal principal, IntFunction<List<String>> subjectsOfId) {
        if (reads == ReadAccess.ANYONE) {
            return Decision.ALLOW;
        }
        if (principal == null) {
            return Decision.unauthenticated("Credentials are required to read from this registry.");
        }
        if (reads == ReadAccess.AUTHENTICATED || principal.readsEverything()) {
            return Decision.ALLOW;
        }
        switch (target.kind()) {
            case SUBJECT:
                return mayReadSubject(principal, target.subject()) ? Decision.ALLOW : Decision.forbidden("User '"
                        + principal.name() + "' may read only subjects of zones " + principal.zones() + ", not '" + target.subject() + "'.");
            case SCHEMA_ID:
                List<String> holders = subjectsOfId.apply(target.schemaId());
                // An unknown id is left to answer 40403.
                if (holders.isEmpty() || holders.stream().anyMatch(s -> mayReadSubject(principal, s))) {
                    return Decision.ALLOW;
                }
                return Decision.forbidden("User '" + principal.name() + "' may not read schema " + target.schemaId()
                        + ": no subject of zones " + principal.zones() + " holds it.");
            default:
                return Decision.ALLOW;
        }
    }

    /** The subjects of a listing that this principal may see. */
    public List<String> readableSubjects(Principal principal, List<String> subjects) {
        if (!authenticationOn || reads != ReadAccess.ZONE) {
            return subjects;
        }
        if (!(principal instanceof RegistryPrincipal user)) {
            return List.of();
        }
        if (user.readsEverything()) {
            return subjects;
        }
        return subjects.stream().filter(s -> mayReadSubject(user, s)).toList();
    }

    private static boolean mayReadSubject(RegistryPrincipal principal, String subject) {
        return ZoneOfSubject.of(subject).map(principal.zones()::contains).orElse(false);
    }
}
