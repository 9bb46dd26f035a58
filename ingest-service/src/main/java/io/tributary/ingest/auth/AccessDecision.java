package io.tributary.ingest.auth;

/**
 * Whether a request may write to a zone: {@link Kind#GRANTED} with the principal it runs as,
 * {@link Kind#UNAUTHENTICATED} (no credential, or one nobody knows: 401) or {@link Kind#FORBIDDEN}
 * (a valid credential of another zone: 403).
 */
public record AccessDecision(Kind kind, String principal, String reason) {
    public enum Kind { GRANTED, UNAUTHENTICATED, FORBIDDEN }

    public static AccessDecision granted(String principal) {
        return new AccessDecision(Kind.GRANTED, principal, "");
    }

    public static AccessDecision unauthenticated(String reason) {
        return new AccessDecision(Kind.UNAUTHENTICATED, "", reason);
    }

    public static AccessDecision forbidden(String principal, String reason) {
        return new AccessDecision(Kind.FORBIDDEN, principal, reason);
    }

    public boolean granted() {
        return kind == Kind.GRANTED;
    }
}
