package io.tributary.registry.server.security;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Who may do what. With authentication off, everyone may do everything. With basic
 * authentication on, writes need a known user; with zone authorisation on, a user may register,
 * delete and configure the subjects of its own zones ({@code zone:<zone>} roles), register
 * (only) under subjects its {@code write:} grants name, and only admins may change registry-wide
 * settings. Reads follow {@link ReadAccess}; per zone, a user reads its zones' subjects and those
 * its {@code read:} and {@code write:} grants name (see {@link RegistryPrincipal}).
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
        String subject = target.subject();
        if (principal.ownsZoneOf(subject)) {
            return Decision.ALLOW;
        }
        if (target.operation() == RequestTarget.Operation.REGISTER && principal.mayRegister(subject)) {
            return Decision.ALLOW;
        }
        Optional<String> zone = ZoneOfSubject.of(subject);
        String where = zone.map(z -> "belongs to zone '" + z + "'").orElse("belongs to no zone");
        if (principal.mayRegister(subject)) {
            return Decision.forbidden("User '" + principal.name() + "' may register schemas under subject '" + subject
                    + "' but not " + (target.operation() == RequestTarget.Operation.DELETE ? "delete" : "configure")
                    + " it: that needs the zone:" + zone.orElse("<zone>") + " or admin role.");
        }
        return Decision.forbidden("User '" + principal.name() + "' may write only " + principal.describeWrites() + "; subject '"
                + subject + "' " + where + ".");
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
                return principal.mayRead(target.subject()) ? Decision.ALLOW : Decision.forbidden("User '"
                        + principal.name() + "' may read only " + principal.describeReads() + ", not '" + target.subject() + "'.");
            case SCHEMA_ID:
                List<String> holders = subjectsOfId.apply(target.schemaId());
                // An unknown id is left to answer 40403.
                if (holders.isEmpty() || holders.stream().anyMatch(principal::mayRead)) {
                    return Decision.ALLOW;
                }
                return Decision.forbidden("User '" + principal.name() + "' may not read schema " + target.schemaId()
                        + ": it may read only " + principal.describeReads() + ", and none of them holds it.");
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
        return subjects.stream().filter(user::mayRead).toList();
    }
}
